using MixpanelSync.Mixpanel;

namespace MixpanelSync.Cli.Push;

/// <summary>
/// Counts the outcomes the delivery pipeline reports, by status and reason, and keeps the first problems to list.
/// The pipeline's outcome calls never overlap, but they can overlap the file reader's reports of unreadable
/// records, and the progress display reads the counts from another thread.
/// </summary>
internal sealed class PushTotals : IDeliveryOutcomeSink
{
    /// <summary>The maximum number of problem records listed. The counts cover all of them.</summary>
    public const int MaxListed = 20;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _rejectedByReason = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _failedByReason = new(StringComparer.Ordinal);
    private long _imported;
    private long _rejected;
    private long _failed;
    private long _unreadable;

    public long Imported => Interlocked.Read(ref _imported);

    public long Rejected => Interlocked.Read(ref _rejected);

    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Records of the file that were not JSON objects, so never became events.</summary>
    public long Unreadable => Interlocked.Read(ref _unreadable);

    public IReadOnlyDictionary<string, long> RejectedByReason => _rejectedByReason;

    public IReadOnlyDictionary<string, long> FailedByReason => _failedByReason;

    /// <summary>The first rejected or unreadable records: record number and what is wrong.</summary>
    public List<(long RecordNumber, string Problem)> Listed { get; } = [];

    /// <summary>The first message of each failure reason; failures concern whole requests, not one record.</summary>
    public Dictionary<string, string> FailureMessages { get; } = new(StringComparer.Ordinal);

    private bool HasRoomToList => Listed.Count < MaxListed;

    public ValueTask OnOutcomesAsync(IReadOnlyList<EventOutcome> outcomes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        lock (_gate)
        {
            foreach (var outcome in outcomes)
            {
                Add(outcome);
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Counts a record that <see cref="MixpanelFileReader"/> could not read as an event.</summary>
    public void OnUnreadable(FileRecordError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        lock (_gate)
        {
            Interlocked.Increment(ref _unreadable);
            if (HasRoomToList)
            {
                Listed.Add((error.RecordNumber, error.Message));
            }
        }
    }

    private void Add(in EventOutcome outcome)
    {
        switch (outcome.Status)
        {
            case EventOutcomeStatus.Imported:
                Interlocked.Increment(ref _imported);
                return;
            case EventOutcomeStatus.Rejected:
                Interlocked.Increment(ref _rejected);
                Count(_rejectedByReason, outcome.ValidationCode?.ToString() ?? outcome.Reason.ToString());
                break;
            default:
                Interlocked.Increment(ref _failed);
                Count(_failedByReason, outcome.Reason.ToString());
                FailureMessages.TryAdd(outcome.Reason.ToString(), outcome.Message ?? "no message");
                return;
        }

        if (HasRoomToList)
        {
            var field = outcome.Field is null ? "" : $"{outcome.Field}: ";
            var reason = outcome.ValidationCode?.ToString() ?? outcome.Reason.ToString();
            Listed.Add((outcome.SourceKey, $"{reason}: {field}{outcome.Message}"));
        }
    }

    private static void Count(Dictionary<string, long> counts, string reason) =>
        counts[reason] = counts.GetValueOrDefault(reason) + 1;
}
