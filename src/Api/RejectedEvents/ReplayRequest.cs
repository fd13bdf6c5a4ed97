using System.Text.Json.Serialization;

namespace MixpanelSync.Api.RejectedEvents;

/// <summary>The body of a replay request.</summary>
/// <param name="DeadLetterIds">The rejected events to replay; left out or empty for every pending one.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ReplayRequest(IReadOnlyList<long>? DeadLetterIds);
