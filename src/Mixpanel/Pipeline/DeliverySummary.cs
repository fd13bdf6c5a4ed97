namespace MixpanelSync.Mixpanel;

/// <summary>The totals of one run of <see cref="MixpanelDeliveryPipeline"/>.</summary>
public sealed class DeliverySummary
{
    /// <summary>The events read from the input. When the run stopped early, later events were not read.</summary>
    public long EventsRead { get; init; }

    /// <summary>The events Mixpanel stored.</summary>
    public long ImportedCount { get; init; }

    /// <summary>The events rejected by validation or by Mixpanel.</summary>
    public long RejectedCount { get; init; }

    /// <summary>The events not stored for a reason outside the event.</summary>
    public long FailedCount { get; init; }

    /// <summary>The batches handed to the client.</summary>
    public long Batches { get; init; }

    /// <summary>The HTTP requests made, retries and split halves included.</summary>
    public long Requests { get; init; }

    /// <summary>Whether the run stopped because Mixpanel rejected the credentials.</summary>
    public bool StoppedOnCredentials { get; init; }

    /// <summary>The last failure reported by a batch, or <see langword="null"/>.</summary>
    public string? LastError { get; init; }
}
