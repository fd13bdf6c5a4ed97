namespace MixpanelSync.Api.Ingestion;

/// <summary>A repair made to an accepted event.</summary>
/// <param name="Index">The event's 0-based position in the request.</param>
/// <param name="EventId">The event's id.</param>
/// <param name="Field">The repaired field.</param>
/// <param name="Reason">What was repaired and why.</param>
public sealed record EventIssueResponse(int Index, string? EventId, string Field, string Reason);
