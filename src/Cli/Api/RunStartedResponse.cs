namespace MixpanelSync.Cli.Api;

/// <summary>The response to a request that started a run.</summary>
internal sealed record RunStartedResponse(string RunId, string Message);
