namespace MixpanelSync.Api.Integration;

/// <summary>The response to a request that started a run: sync now, backfill or replay.</summary>
/// <param name="RunId">The started run; follow it at <c>runs/{runId}</c>.</param>
/// <param name="Message">What happened.</param>
public sealed record RunStartedResponse(string RunId, string Message);
