namespace MixpanelSync.GrainInterfaces.Integration;

/// <summary>The outcome of a disconnect request.</summary>
/// <param name="Disconnected">Whether the integration is now disconnected.</param>
/// <param name="Message">A sentence stating what happened.</param>
/// <param name="CancelledRunId">The run that was stopped, or <see langword="null"/>.</param>
[GenerateSerializer]
[Alias("mixpanel-sync.disconnect-result")]
public sealed record DisconnectResult(
    [property: Id(0)] bool Disconnected,
    [property: Id(1)] string Message,
    [property: Id(2)] string? CancelledRunId);
