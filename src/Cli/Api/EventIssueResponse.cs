namespace MixpanelSync.Cli.Api;

/// <summary>A repair the service made to an accepted event.</summary>
internal sealed record EventIssueResponse(int Index, string? EventId, string Field, string Reason);
