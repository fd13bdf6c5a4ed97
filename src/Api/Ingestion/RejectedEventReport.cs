namespace MixpanelSync.Api.Ingestion;

/// <summary>An event of the request that validation rejected.</summary>
/// <param name="Index">The event's 0-based position: array element, or non-blank NDJSON line.</param>
/// <param name="EventId">The event's id, when it could be read.</param>
/// <param name="Errors">Every problem found, each with its field and reason.</param>
public sealed record RejectedEventReport(int Index, string? EventId, IReadOnlyList<FieldIssue> Errors);
