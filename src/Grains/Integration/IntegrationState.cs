using MixpanelSync.GrainInterfaces.Integration;

namespace MixpanelSync.Grains.Integration;

/// <summary>The persisted state of one brand integration. Secrets are stored encrypted.</summary>
[GenerateSerializer]
[Alias("mixpanel-sync.integration-state")]
internal sealed class IntegrationState
{
    [Id(0)] public ConnectionState State { get; set; } = ConnectionState.NotConnected;
    [Id(1)] public string? StateReason { get; set; }
    [Id(2)] public string? ProtectedToken { get; set; }
    [Id(3)] public string? MaskedToken { get; set; }
    [Id(4)] public string? ProjectKey { get; set; }
    [Id(5)] public MixpanelResidency Residency { get; set; }
    [Id(6)] public SyncSchedule? Schedule { get; set; }
    [Id(7)] public MappingSettings Mapping { get; set; } = MappingSettings.Default;
    [Id(8)] public string? ServiceAccountUsername { get; set; }
    [Id(9)] public string? ProtectedServiceAccountSecret { get; set; }
    [Id(10)] public string? ServiceAccountProjectId { get; set; }

    /// <summary>When the project was connected.</summary>
    [Id(11)] public DateTimeOffset? ConnectedAt { get; set; }

    /// <summary>The earliest event time regular runs send: the connection time, or a backfill's start.</summary>
    [Id(12)] public DateTimeOffset? SendFrom { get; set; }

    /// <summary>The next scheduled occurrence, without the per-brand spread.</summary>
    [Id(13)] public DateTimeOffset? NextOccurrence { get; set; }

    /// <summary>When the next scheduled run is due: the occurrence plus the per-brand spread.</summary>
    [Id(14)] public DateTimeOffset? NextDueAt { get; set; }

    /// <summary>When a run that failed is tried again.</summary>
    [Id(15)] public DateTimeOffset? RetryAt { get; set; }

    [Id(16)] public int ConsecutiveFailures { get; set; }
    [Id(17)] public ActiveRun? ActiveRun { get; set; }
    [Id(18)] public RunSummary? LastRun { get; set; }

    /// <summary>The trigger of the failed run that <see cref="RetryAt"/> repeats.</summary>
    [Id(19)] public SyncTrigger RetryTrigger { get; set; }

    /// <summary>
    /// Every dead letter of the brand with an id up to this one belongs to progress that is saved. Letters with
    /// higher ids were stored by a write whose progress a crash may have lost, so writes skip their events.
    /// </summary>
    [Id(20)] public long DeadLetterMark { get; set; }

    /// <summary>The start of the failed backfill that <see cref="RetryAt"/> repeats; null for other runs.</summary>
    [Id(21)] public DateTimeOffset? RetryBackfillFrom { get; set; }

    /// <summary>
    /// The end of that backfill's range up to its cursor. It is kept because the backfill moved
    /// <see cref="SendFrom"/> back to its start.
    /// </summary>
    [Id(22)] public DateTimeOffset? RetryBackfillUntil { get; set; }
}
