using MixpanelSync.Events;
using MixpanelSync.Events.Storage;

namespace MixpanelSync.Grains.Tests.Support;

/// <summary>A thread-safe in-memory event store shared by every silo of a test cluster.</summary>
/// <remarks>
/// NOTE: stands in until the event library's SQLite store is committed; retention and deletion are not supported.
/// </remarks>
internal sealed class InMemoryEventStore(TimeProvider time) : IEventStore
{
    private readonly Lock _lock = new();
    private readonly List<StoredEvent> _events = [];
    private readonly Dictionary<string, long> _cursors = [];
    private readonly Dictionary<string, RunRecord> _runs = [];
    private readonly List<DeadLetter> _deadLetters = [];
    private long _sequence;

    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<AppendResult> AppendAsync(
        string brandId,
        IReadOnlyList<BrandEvent> events,
        CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var known = _events.Where(e => e.BrandId == brandId).Select(e => e.Event.EventId).ToHashSet();
            var accepted = 0;
            foreach (var brandEvent in events)
            {
                if (known.Add(brandEvent.EventId))
                {
                    _events.Add(new StoredEvent(++_sequence, brandId, brandEvent, time.GetUtcNow()));
                    accepted++;
                }
            }

            return Task.FromResult(new AppendResult(accepted, events.Count - accepted));
        }
    }

    public Task<long> GetHighWaterMarkAsync(string brandId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_events
                .Where(e => e.BrandId == brandId)
                .Select(e => e.Sequence)
                .DefaultIfEmpty(0)
                .Max());
        }
    }

    public Task<IReadOnlyList<StoredEvent>> ReadPageAsync(
        string brandId,
        long afterSequence,
        long highWaterMark,
        int maxCount,
        CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<StoredEvent> page = _events
                .Where(e => e.BrandId == brandId && e.Sequence > afterSequence && e.Sequence <= highWaterMark)
                .Take(maxCount)
                .ToList();
            return Task.FromResult(page);
        }
    }

    public Task<long> GetCursorAsync(string brandId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_cursors.GetValueOrDefault(brandId));
        }
    }

    public Task<long> CommitCursorAsync(string brandId, long sequence, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var cursor = Math.Max(_cursors.GetValueOrDefault(brandId), sequence);
            _cursors[brandId] = cursor;
            return Task.FromResult(cursor);
        }
    }

    public Task SaveRunAsync(RunRecord run, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            _runs[run.RunId] = run;
            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<RunRecord>> ListRunsAsync(
        string brandId,
        int maxCount,
        CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<RunRecord> runs = _runs.Values
                .Where(r => r.BrandId == brandId)
                .OrderByDescending(r => r.StartedAt)
                .Take(maxCount)
                .ToList();
            return Task.FromResult(runs);
        }
    }

    public Task<IReadOnlyList<long>> AddDeadLettersAsync(
        string brandId,
        IReadOnlyList<RejectedEvent> rejected,
        CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var ids = new List<long>();
            foreach (var item in rejected)
            {
                var id = _deadLetters.Count + 1L;
                _deadLetters.Add(new DeadLetter(
                    id,
                    brandId,
                    item.Sequence,
                    item.Event,
                    item.Reason,
                    item.Field,
                    item.RunId,
                    time.GetUtcNow(),
                    null));
                ids.Add(id);
            }

            return Task.FromResult<IReadOnlyList<long>>(ids);
        }
    }

    public Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(
        string brandId,
        DeadLetterFilter filter,
        long afterId,
        int maxCount,
        CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<DeadLetter> letters = _deadLetters
                .Where(d => d.BrandId == brandId
                    && d.Id > afterId
                    && (filter == DeadLetterFilter.All || d.ReplayedAt is null))
                .Take(maxCount)
                .ToList();
            return Task.FromResult(letters);
        }
    }

    public Task<int> MarkDeadLettersReplayedAsync(
        string brandId,
        IReadOnlyCollection<long> deadLetterIds,
        CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var marked = 0;
            foreach (var id in deadLetterIds)
            {
                var letter = _deadLetters[(int)id - 1];
                if (letter.BrandId == brandId && letter.ReplayedAt is null)
                {
                    _deadLetters[(int)id - 1] = letter with { ReplayedAt = time.GetUtcNow() };
                    marked++;
                }
            }

            return Task.FromResult(marked);
        }
    }

    public Task<RetentionResult> DeleteExpiredAsync(
        string brandId,
        RetentionRule rule,
        CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Retention is not part of the grain tests.");

    public Task<EndUserDeletion> DeleteEndUserAsync(
        string brandId,
        string? userId,
        string? deviceId,
        CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("End-user deletion is not part of the grain tests.");

    public Task<long> PurgeBrandAsync(string brandId, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Purging is not part of the grain tests.");
}
