using MixpanelSync.Events.Storage;
using MixpanelSync.GrainInterfaces.Integration;

namespace MixpanelSync.Grains.Integration;

/// <summary>Conversions between run state, the event store's run records and the grain's run summaries.</summary>
internal static class RunRecords
{
    public static RunSummary ToSummary(ActiveRun run, SyncOutcome outcome, DateTimeOffset? endedAt, string? error)
    {
        var counters = run.Counters;
        return new RunSummary(
            run.RunId,
            run.Trigger,
            run.StartedAt,
            endedAt,
            counters.Read,
            counters.Skipped,
            counters.Sent,
            counters.Imported,
            new Dictionary<string, long>(counters.RejectedByReason, StringComparer.Ordinal),
            counters.Retries,
            counters.Bytes,
            outcome,
            error,
            counters.ProfilesSent,
            counters.ProfilesFailed);
    }

    public static RunSummary ToSummary(RunRecord record) => new(
        record.RunId,
        (SyncTrigger)(int)record.Trigger,
        record.StartedAt,
        record.EndedAt,
        record.EventsRead,
        record.EventsSkipped,
        record.EventsSent,
        record.EventsImported,
        new Dictionary<string, long>(record.RejectedByReason, StringComparer.Ordinal),
        record.Retries,
        record.BytesSent,
        (SyncOutcome)(int)record.Outcome,
        record.Error,
        record.ProfilesSent,
        record.ProfilesFailed);

    public static RunRecord ToRecord(string brandId, ActiveRun run, RunSummary summary) => new()
    {
        RunId = summary.RunId,
        BrandId = brandId,
        Trigger = (RunTrigger)(int)summary.Trigger,
        StartedAt = summary.StartedAt,
        EndedAt = summary.EndedAt,
        CursorFrom = run.CursorFrom,
        HighWaterMark = run.HighWaterMark,
        EventsRead = summary.EventsRead,
        EventsSkipped = summary.EventsSkipped,
        EventsSent = summary.EventsSent,
        EventsImported = summary.EventsImported,
        RejectedByReason = new Dictionary<string, long>(summary.RejectedByReason, StringComparer.Ordinal),
        Retries = summary.Retries,
        BytesSent = summary.BytesSent,
        Outcome = (RunOutcome)(int)summary.Outcome,
        Error = summary.Error,
        ProfilesSent = summary.ProfilesSent,
        ProfilesFailed = summary.ProfilesFailed,
    };
}
