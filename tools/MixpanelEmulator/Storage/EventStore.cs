using System.Runtime.InteropServices;

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
    private long _rejected;
    private long _dropped;

    /// <summary>
    /// Appends a request's stored events to the raw log and the query view, and counts its rejected and dropped
    /// events.
    /// </summary>
    public void Append(EventBatch batch, DateTimeOffset ingestedAt)
    {
        lock (_gate)
        {
            _rejected += batch.Failed.Count;
            _dropped += batch.Dropped;
            foreach (var storedEvent in batch.Stored)
            {
                storedEvent.Sequence = _raw.Count + 1;
                storedEvent.IngestedAt = ingestedAt;
                _raw.Add(storedEvent);
                var key = new DeduplicationKey(
                    storedEvent.Name,
                    storedEvent.DistinctId,
                    storedEvent.TimeMilliseconds,
                    storedEvent.InsertId);
                ref var kept = ref CollectionsMarshal.GetValueRefOrAddDefault(_latestByKey, key, out var exists);
                if (exists)
                {
                    kept!.ReplacedBySequence = storedEvent.Sequence;
                }

                kept = storedEvent;
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

    /// <summary>Returns the sizes of the raw log and the query view and the rejected and dropped counts.</summary>
    public EventCounts GetCounts()
    {
        lock (_gate)
        {
            return new EventCounts(_raw.Count, _latestByKey.Count, _rejected, _dropped);
        }
    }

    /// <summary>
    /// Returns the counts of <see cref="GetCounts"/> with the raw log and the query view split by the value of one
    /// property, or <see langword="null"/> groups when the property has more than <paramref name="maxGroups"/>
    /// values. Each stored event's JSON is read once, outside the lock, so ingestion goes on meanwhile, and the
    /// result describes the events stored when the call began.
    /// </summary>
    public (EventCounts Counts, IReadOnlyList<PropertyGroupCounts>? Groups) GetCountsBy(
        string propertyName,
        int maxGroups)
    {
        StoredEvent[] raw;
        EventCounts counts;
        lock (_gate)
        {
            raw = [.. _raw];
            counts = new EventCounts(raw.Length, _latestByKey.Count, _rejected, _dropped);
        }

        var grouper = new PropertyGrouper(propertyName, maxGroups);
        foreach (var storedEvent in raw)
        {
            // A copy replaced after the snapshot has a later sequence than any in it, so it is kept in the snapshot.
            var replacedBy = storedEvent.ReplacedBySequence;
            var kept = replacedBy == 0 || replacedBy > raw.Length;
            if (!grouper.Add(storedEvent.Json.Span, kept))
            {
                return (counts, null);
            }
        }

        return (counts, grouper.ToGroups());
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
            _rejected = 0;
            _dropped = 0;
        }
    }
}
