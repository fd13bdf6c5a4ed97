namespace MixpanelSync.MixpanelEmulator;

/// <summary>
/// Events of one project: the raw log of everything stored, duplicates included, and the query view that keeps the
/// latest-ingested copy per deduplication key.
/// </summary>
internal sealed class EventStore
{
    private readonly Lock _gate = new();
    private readonly List<StoredEvent> _raw = [];
    private readonly Dictionary<DeduplicationKey, StoredEvent> _latestByKey = [];

    public void Append(IReadOnlyList<StoredEvent> events, DateTimeOffset ingestedAt)
    {
        if (events.Count == 0)
        {
            return;
        }

        lock (_gate)
        {
            foreach (var storedEvent in events)
            {
                storedEvent.Sequence = _raw.Count + 1;
                storedEvent.IngestedAt = ingestedAt;
                _raw.Add(storedEvent);
                var key = new DeduplicationKey(
                    storedEvent.Name,
                    storedEvent.DistinctId,
                    storedEvent.TimeMilliseconds,
                    storedEvent.InsertId);
                _latestByKey[key] = storedEvent;
            }
        }
    }

    public IReadOnlyList<StoredEvent> GetRaw()
    {
        lock (_gate)
        {
            return [.. _raw];
        }
    }

    /// <summary>Returns the query view: one event per deduplication key, in the order of the kept copies.</summary>
    public IReadOnlyList<StoredEvent> GetDeduplicated()
    {
        StoredEvent[] kept;
        lock (_gate)
        {
            kept = [.. _latestByKey.Values];
        }

        Array.Sort(kept, static (left, right) => left.Sequence.CompareTo(right.Sequence));
        return kept;
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _raw.Count;
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _raw.Clear();
            _latestByKey.Clear();
        }
    }
}
