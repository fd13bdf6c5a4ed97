namespace MixpanelSync.GrainInterfaces.Integration;

/// <summary>The outcome of connecting or of changing settings.</summary>
/// <param name="Succeeded">Whether the settings were validated and saved.</param>
/// <param name="Failure">Why it failed, or <see cref="ConnectFailure.None"/>.</param>
/// <param name="Message">A sentence for the brand stating what happened and what to do next.</param>
/// <param name="Status">The integration's status after the call.</param>
[GenerateSerializer]
[Alias("mixpanel-sync.connect-result")]
public sealed record ConnectResult(
    [property: Id(0)] bool Succeeded,
    [property: Id(1)] ConnectFailure Failure,
    [property: Id(2)] string Message,
    [property: Id(3)] IntegrationStatus Status);
