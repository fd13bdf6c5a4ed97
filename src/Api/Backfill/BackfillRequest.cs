using System.Text.Json.Serialization;

namespace MixpanelSync.Api.Backfill;

/// <summary>The body of a backfill request.</summary>
/// <param name="From">
/// The earliest event time to send, ISO 8601 such as <c>2026-01-01</c> (midnight UTC) or
/// <c>2026-01-01T00:00:00+01:00</c>.
/// </param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record BackfillRequest(string? From);
