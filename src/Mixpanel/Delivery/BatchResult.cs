namespace MixpanelSync.Mixpanel;

/// <summary>The outcome of sending one <see cref="PreparedBatch"/>: one <see cref="EventOutcome"/> per event.</summary>
public sealed class BatchResult
{
    internal BatchResult(BatchStatus status, EventOutcome[] outcomes, SendStatistics statistics)
    {
        Status = status;
        Outcomes = outcomes;
        Requests = statistics.Requests;
        RateLimitedResponses = statistics.RateLimitedResponses;
        LastStatusCode = statistics.LastStatusCode;
        Error = statistics.Error;
        foreach (var outcome in outcomes)
        {
            switch (outcome.Status)
            {
                case EventOutcomeStatus.Imported:
                    ImportedCount++;
                    break;
                case EventOutcomeStatus.Rejected:
                    RejectedCount++;
                    break;
                default:
                    FailedCount++;
                    break;
            }
        }
    }

    /// <summary>How the sending ended.</summary>
    public BatchStatus Status { get; }

    /// <summary>The outcome of every event, in the batch's order.</summary>
    public IReadOnlyList<EventOutcome> Outcomes { get; }

    /// <summary>The number of imported events.</summary>
    public int ImportedCount { get; }

    /// <summary>The number of rejected events.</summary>
    public int RejectedCount { get; }

    /// <summary>The number of failed events.</summary>
    public int FailedCount { get; }

    /// <summary>The HTTP requests made, retries and the halves of split batches included.</summary>
    public int Requests { get; }

    /// <summary>The number of 429 responses received while sending.</summary>
    public int RateLimitedResponses { get; }

    /// <summary>
    /// The HTTP status of the last response, or <see langword="null"/> when the last attempt received none.
    /// </summary>
    public int? LastStatusCode { get; }

    /// <summary>A description of the last failure, or <see langword="null"/> when the batch completed.</summary>
    public string? Error { get; }
}
