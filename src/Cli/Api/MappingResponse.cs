namespace MixpanelSync.Cli.Api;

/// <summary>How brand events become Mixpanel events.</summary>
internal sealed record MappingResponse(
    string EventNamePrefix,
    IReadOnlyList<string> ExcludedEventTypes,
    bool IncludeContext);
