namespace MixpanelSync.Api.Integration;

/// <summary>The response to a disconnect.</summary>
/// <param name="Message">What happened; history and rejected events are kept.</param>
/// <param name="CancelledRunId">The run that was stopped, or <see langword="null"/>.</param>
public sealed record DisconnectResponse(string Message, string? CancelledRunId);
