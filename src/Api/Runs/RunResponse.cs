using MixpanelSync.Api.Http;
using MixpanelSync.GrainInterfaces.Integration;

namespace MixpanelSync.Api.Runs;

/// <summary>One sync run.</summary>
/// <param name="RunId">The run's id.</param>
/// <param name="Trigger"><c>schedule</c>, <c>manual</c>, <c>backfill</c> or <c>replay</c>.</param>
/// <param name="Outcome">
/// <c>running</c>, <c>succeeded</c>, <c>completedWithRejections</c>, <c>failed</c> or <c>cancelled</c>.
/// </param>
/// <param name="StartedAt">When the run started.</param>
/// <param name="EndedAt">When it ended; <see langword="null"/> while it runs.</param>
/// <param name="DurationMs">Milliseconds from start to end; <see langword="null"/> while it runs.</param>
/// <param name="EventsRead">Events read from the store.</param>
/// <param name="EventsSkipped">Events not sent on purpose: before the connection time or of excluded types.</param>
/// <param name="EventsSent">Events sent to Mixpanel, each counted once however often it was retried.</param>
/// <param name="EventsImported">Events Mixpanel reported as imported.</param>
/// <param name="EventsRejected">Events rejected by validation or by Mixpanel.</param>
/// <param name="RejectedByReason">Rejected events by reason.</param>
/// <param name="Retries">Requests sent again after a retryable failure.</param>
/// <param name="BytesSent">Uncompressed request bytes sent, retries included.</param>
/// <param name="Error">The error that ended a failed run.</param>
/// <param name="ProfilesSent">User profiles Mixpanel accepted; 0 unless the brand pushes profiles.</param>
/// <param name="ProfilesFailed">User profiles rejected or not delivered.</param>
public sealed record RunResponse(
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
    IReadOnlyDictionary<string, long> RejectedByReason,
    long Retries,
    long BytesSent,
    string? Error,
    long ProfilesSent,
    long ProfilesFailed)
{
    internal static RunResponse From(RunSummary run) => new(
        run.RunId,
        ApiText.Of(run.Trigger),
        ApiText.Of(run.Outcome),
        run.StartedAt,
        run.EndedAt,
        run.Duration is { } duration ? (long)duration.TotalMilliseconds : null,
        run.EventsRead,
        run.EventsSkipped,
        run.EventsSent,
        run.EventsImported,
        run.EventsRejected,
        run.RejectedByReason,
        run.Retries,
        run.BytesSent,
        run.Error,
        run.ProfilesSent,
        run.ProfilesFailed);
}
