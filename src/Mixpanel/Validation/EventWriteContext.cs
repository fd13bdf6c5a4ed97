namespace MixpanelSync.Mixpanel;

/// <summary>The per-call inputs of <see cref="EventWriter"/> that do not come from options.</summary>
/// <param name="Endpoint">The endpoint the event is prepared for.</param>
/// <param name="NowMilliseconds">The current time in epoch milliseconds, for the time window checks.</param>
/// <param name="ProjectToken">The token written as the <c>token</c> property; needed for <c>/track</c>.</param>
internal readonly record struct EventWriteContext(
    MixpanelIngestionEndpoint Endpoint,
    long NowMilliseconds,
    string? ProjectToken);
