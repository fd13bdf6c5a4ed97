namespace MixpanelSync.Cli.Api;

/// <summary>One sync run, as the runs endpoints return it.</summary>
/// <remarks>
/// NOTE: <see cref="EventsTotal"/> is not in the API's RunResponse yet. Once the service reports how many events a
/// run will read, <c>sync --follow</c> shows a percentage and an ETA. Until then it shows rates only.
/// </remarks>
internal sealed record RunResponse(
    string RunId,
    string Trigger,
    string Outcome,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    long? DurationMs,
    long EventsRead,
    long EventsSkipped,
    long EventsSent,
    long EventsImported,
    long EventsRejected,
    IReadOnlyDictionary<string, long>? RejectedByReason,
    long Retries,
    long BytesSent,
    string? Error,
    long? EventsTotal = null)
{
    public bool IsRunning => Outcome == "running";

    public bool Succeeded => Outcome == "succeeded";
}
