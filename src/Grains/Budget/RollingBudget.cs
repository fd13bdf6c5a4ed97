using MixpanelSync.GrainInterfaces.Budget;

namespace MixpanelSync.Grains.Budget;

/// <summary>
/// The rolling window of one project's rate budget: grants of bytes and events, multiplicative decrease on 429
/// responses and additive recovery. A grant counts from the moment it is granted until one window after its
/// release, so that requests Mixpanel counts at any moment in between never exceed the limit within a window.
/// Not thread-safe; the grain's turns serialize access.
/// </summary>
internal sealed class RollingBudget(RateBudgetOptions options)
{
    private static readonly TimeSpan MinimumDelay = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaximumPoll = TimeSpan.FromSeconds(1);

    private readonly Dictionary<long, Grant> _grants = [];
    private long _lastGrantId;
    private long _bytesInWindow;
    private long _eventsInWindow;
    private double _share = 1.0;
    private DateTimeOffset _lastDecrease = DateTimeOffset.MinValue;
    private DateTimeOffset _lastRecovery = DateTimeOffset.MinValue;
    private long _throttles;

    public long EventsInWindow => _eventsInWindow;

    public long ByteLimit => (long)(options.MaxBytesPerWindow * _share);

    public long EventLimit => (long)(options.MaxEventsPerWindow * _share);

    public BudgetGrant Acquire(DateTimeOffset now, long bytes, int events)
    {
        Expire(now);
        Recover(now);

        var fits = _bytesInWindow + bytes <= ByteLimit && _eventsInWindow + events <= EventLimit;

        // A request larger than the whole budget still goes once the window is empty, or it never would.
        if (!fits && _grants.Count > 0)
        {
            return new BudgetGrant(false, DelayUntilFits(now, bytes, events));
        }

        var id = ++_lastGrantId;
        _grants[id] = new Grant(now, bytes, events);
        _bytesInWindow += bytes;
        _eventsInWindow += events;
        return new BudgetGrant(true, TimeSpan.Zero, id);
    }

    public void Release(DateTimeOffset now, long grantId)
    {
        if (_grants.TryGetValue(grantId, out var grant) && grant.ReleasedAt is null)
        {
            grant.ReleasedAt = now;
        }

        Expire(now);
    }

    public void ReportThrottled(DateTimeOffset now)
    {
        Recover(now);
        _throttles++;

        // Concurrent senders usually hit the same limit at once, so reports within the interval shrink it once.
        if (now - _lastDecrease >= options.DecreaseInterval)
        {
            _share = Math.Max(options.MinimumShare, _share * options.DecreaseFactor);
            _lastDecrease = now;
            _lastRecovery = now;
        }
    }

    public RateBudgetSnapshot Snapshot(DateTimeOffset now)
    {
        Expire(now);
        Recover(now);
        return new RateBudgetSnapshot(_bytesInWindow, _eventsInWindow, ByteLimit, EventLimit, _throttles);
    }

    /// <summary>
    /// Returns when a grant leaves the window: one window after its release, or, for a grant never released
    /// because its sender died, one window after <see cref="RateBudgetOptions.MaxGrantHold"/> has passed.
    /// </summary>
    private DateTimeOffset ExpiryOf(Grant grant) =>
        (grant.ReleasedAt ?? grant.At + options.MaxGrantHold) + options.Window;

    private void Expire(DateTimeOffset now)
    {
        List<long>? expired = null;
        foreach (var (id, grant) in _grants)
        {
            if (ExpiryOf(grant) <= now)
            {
                (expired ??= []).Add(id);
            }
        }

        foreach (var id in expired ?? [])
        {
            var grant = _grants[id];
            _grants.Remove(id);
            _bytesInWindow -= grant.Bytes;
            _eventsInWindow -= grant.Events;
        }
    }

    private void Recover(DateTimeOffset now)
    {
        if (_lastRecovery == DateTimeOffset.MinValue || _share >= 1.0)
        {
            _lastRecovery = now;
            return;
        }

        var seconds = (now - _lastRecovery).TotalSeconds;
        _share = Math.Min(1.0, _share + seconds * options.RecoveryPerSecond);
        _lastRecovery = now;
    }

    private TimeSpan DelayUntilFits(DateTimeOffset now, long bytes, int events)
    {
        var bytesInWindow = _bytesInWindow;
        var eventsInWindow = _eventsInWindow;
        foreach (var grant in _grants.Values.OrderBy(ExpiryOf))
        {
            if (grant.ReleasedAt is null)
            {
                // The request is still in flight, so the grant leaves one window after a release that has not
                // happened yet; ask again soon rather than at the worst case.
                var poll = options.Window / 10;
                return poll < MinimumDelay ? MinimumDelay : poll > MaximumPoll ? MaximumPoll : poll;
            }

            bytesInWindow -= grant.Bytes;
            eventsInWindow -= grant.Events;
            if (bytesInWindow + bytes <= ByteLimit && eventsInWindow + events <= EventLimit)
            {
                var delay = ExpiryOf(grant) - now;
                return delay > MinimumDelay ? delay : MinimumDelay;
            }
        }

        // Only the recovery of a decreased budget can make room; ask again after a whole window.
        return options.Window;
    }

    private sealed class Grant(DateTimeOffset at, long bytes, int events)
    {
        public DateTimeOffset At { get; } = at;

        public long Bytes { get; } = bytes;

        public int Events { get; } = events;

        public DateTimeOffset? ReleasedAt { get; set; }
    }
}
