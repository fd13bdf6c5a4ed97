using MixpanelSync.GrainInterfaces.Integration;

namespace MixpanelSync.Grains.Integration;

/// <summary>
/// A run in progress, persisted so that a run cut short by deactivation or a crash resumes with the same
/// settings and counts.
/// </summary>
[GenerateSerializer]
[Alias("mixpanel-sync.active-run")]
internal sealed class ActiveRun
{
    [Id(0)] public required string RunId { get; init; }
    [Id(1)] public required SyncTrigger Trigger { get; init; }
    [Id(2)] public required DateTimeOffset StartedAt { get; init; }

    /// <summary>The mapping settings in force when the run started; they apply until it ends.</summary>
    [Id(3)] public required MappingSettings Mapping { get; init; }

    /// <summary>Events that happened before this time are skipped.</summary>
    [Id(4)] public required DateTimeOffset SendFrom { get; init; }

    /// <summary>
    /// Events up to <see cref="BackfillCursor"/> that happened at or after this time are skipped; backfills only.
    /// </summary>
    [Id(5)] public DateTimeOffset? SendUntil { get; init; }

    [Id(6)] public long CursorFrom { get; init; }
    [Id(7)] public long HighWaterMark { get; init; }

    /// <summary>
    /// Every event up to this sequence is accounted for. Backfills move the store's cursor to it only once it is
    /// past <see cref="BackfillCursor"/>.
    /// </summary>
    [Id(8)] public long Position { get; set; }

    /// <summary>The dead letters a replay sends; empty for every pending one.</summary>
    [Id(9)] public List<long> ReplayIds { get; init; } = [];

    /// <summary>
    /// The counts of the committed part of the run. When the run fails, the retries of its unsettled batches are
    /// added too.
    /// </summary>
    [Id(10)] public RunCounters Counters { get; init; } = new();

    /// <summary>A replay has handled every pending dead letter up to this dead-letter id.</summary>
    [Id(11)] public long ReplayAfterId { get; set; }

    /// <summary>
    /// The store's cursor when a backfill started. Later events were read by no regular run yet, so the backfill
    /// sends those from <see cref="SendFrom"/> on with no upper limit and moves the cursor past them.
    /// </summary>
    [Id(12)] public long BackfillCursor { get; init; } = long.MaxValue;
}
