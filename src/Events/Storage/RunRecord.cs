namespace MixpanelSync.Events.Storage;

/// <summary>The record of one sync run of one brand, saved when it starts and again when it ends.</summary>
public sealed record RunRecord
{
    /// <summary>The run's unique id.</summary>
    public required string RunId { get; init; }

    /// <summary>The brand the run pushed events for.</summary>
    public required string BrandId { get; init; }

    /// <summary>What started the run.</summary>
    public required RunTrigger Trigger { get; init; }

    /// <summary>When the run started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When the run ended; <see langword="null"/> while it runs.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>The cursor the run started from (exclusive).</summary>
    public long CursorFrom { get; init; }

    /// <summary>The high-water mark fixed when the run started (inclusive).</summary>
    public long HighWaterMark { get; init; }

    /// <summary>Events read from the store.</summary>
    public long EventsRead { get; init; }

    /// <summary>Events read but not sent on purpose, such as excluded types or events before the connection.</summary>
    public long EventsSkipped { get; init; }

    /// <summary>Events sent to Mixpanel, counting each event once however often it was retried.</summary>
    public long EventsSent { get; init; }

    /// <summary>Events that Mixpanel reported as imported.</summary>
    public long EventsImported { get; init; }

    /// <summary>Rejected events by reason, from our validation and from Mixpanel.</summary>
    public IReadOnlyDictionary<string, long> RejectedByReason { get; init; } =
        new Dictionary<string, long>(StringComparer.Ordinal);

    /// <summary>Batch requests sent again after a retryable failure.</summary>
    public long Retries { get; init; }

    /// <summary>Uncompressed request body bytes sent, retries included.</summary>
    public long BytesSent { get; init; }

    /// <summary>User profile updates that Mixpanel accepted, when the brand pushes profiles.</summary>
    public long ProfilesSent { get; init; }

    /// <summary>User profile updates that were rejected or could not be delivered.</summary>
    public long ProfilesFailed { get; init; }

    /// <summary>How the run ended, or <see cref="RunOutcome.Running"/>.</summary>
    public RunOutcome Outcome { get; init; } = RunOutcome.Running;

    /// <summary>The error that ended a failed run.</summary>
    public string? Error { get; init; }

    /// <summary>The total of <see cref="RejectedByReason"/>.</summary>
    public long EventsRejected => RejectedByReason.Values.Sum();

    /// <summary>The time from start to end; <see langword="null"/> while the run runs.</summary>
    public TimeSpan? Duration => EndedAt - StartedAt;
}
