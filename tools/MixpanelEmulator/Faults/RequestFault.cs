namespace MixpanelSync.MixpanelEmulator;

/// <summary>Fault taken for one request: a delay, then a hang, a failure status or normal processing.</summary>
internal readonly record struct RequestFault(TimeSpan Latency, bool Hang, int? StatusCode);
