namespace MixpanelSync.Cli.Api;

/// <summary>An event of an ingestion request that the schema rejected.</summary>
/// <param name="Index">The event's 0-based position in the request body.</param>
/// <param name="EventId">The event's id, when it could be read.</param>
/// <param name="Errors">Every problem found.</param>
internal sealed record RejectedEventReport(int Index, string? EventId, IReadOnlyList<FieldIssue> Errors);
