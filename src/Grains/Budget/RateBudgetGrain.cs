using Microsoft.Extensions.Options;
using MixpanelSync.GrainInterfaces.Budget;
using MixpanelSync.Grains.Hosting;

namespace MixpanelSync.Grains.Budget;

/// <summary>
/// A rolling window of granted bytes and events for one Mixpanel project, with multiplicative decrease on
/// 429 responses and additive recovery. In memory only: after a deactivation the window starts empty.
/// </summary>
internal sealed class RateBudgetGrain(IOptions<RateBudgetOptions> options, SyncClock clock) : Grain, IRateBudgetGrain
{
    private static readonly TimeSpan MinimumDelay = TimeSpan.FromMilliseconds(10);

    private readonly RateBudgetOptions _options = options.Value;
    private readonly Queue<Grant> _grants = new();
    private long _bytesInWindow;
    private long _eventsInWindow;
    private double _share = 1.0;
    private DateTimeOffset _lastDecrease = DateTimeOffset.MinValue;
    private DateTimeOffset _lastRecovery = DateTimeOffset.MinValue;
    private long _throttles;

    public Task<BudgetGrant> AcquireAsync(long bytes, int events)
    {
        var now = clock.Time.GetUtcNow();
        Expire(now);
        Recover(now);

        var byteLimit = ByteLimit;
        var eventLimit = EventLimit;
        var fits = _bytesInWindow + bytes <= byteLimit && _eventsInWindow + events <= eventLimit;

        // A request larger than the whole budget still goes once the window is empty, or it never would.
        if (fits || _grants.Count == 0)
        {
            _grants.Enqueue(new Grant(now, bytes, events));
            _bytesInWindow += bytes;
            _eventsInWindow += events;
            return Task.FromResult(new BudgetGrant(true, TimeSpan.Zero));
        }

        return Task.FromResult(new BudgetGrant(false, DelayUntilFits(now, bytes, events, byteLimit, eventLimit)));
    }

    public Task ReportThrottledAsync()
    {
        var now = clock.Time.GetUtcNow();
        Recover(now);
        _throttles++;

        if (now - _lastDecrease >= _options.DecreaseInterval)
        {
            _share = Math.Max(_options.MinimumShare, _share * _options.DecreaseFactor);
            _lastDecrease = now;
            _lastRecovery = now;
        }

        return Task.CompletedTask;
    }

    public Task<RateBudgetSnapshot> GetSnapshotAsync()
    {
        var now = clock.Time.GetUtcNow();
        Expire(now);
        Recover(now);
        return Task.FromResult(new RateBudgetSnapshot(
            _bytesInWindow,
            _eventsInWindow,
            ByteLimit,
            EventLimit,
            _throttles));
    }

    private long ByteLimit => (long)(_options.MaxBytesPerWindow * _share);

    private long EventLimit => (long)(_options.MaxEventsPerWindow * _share);

    private void Expire(DateTimeOffset now)
    {
        while (_grants.TryPeek(out var oldest) && oldest.At + _options.Window <= now)
        {
            _grants.Dequeue();
            _bytesInWindow -= oldest.Bytes;
            _eventsInWindow -= oldest.Events;
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
        _share = Math.Min(1.0, _share + seconds * _options.RecoveryPerSecond);
        _lastRecovery = now;
    }

    private TimeSpan DelayUntilFits(DateTimeOffset now, long bytes, int events, long byteLimit, long eventLimit)
    {
        var bytesInWindow = _bytesInWindow;
        var eventsInWindow = _eventsInWindow;
        foreach (var grant in _grants)
        {
            bytesInWindow -= grant.Bytes;
            eventsInWindow -= grant.Events;
            if (bytesInWindow + bytes <= byteLimit && eventsInWindow + events <= eventLimit)
            {
                var delay = grant.At + _options.Window - now;
                return delay > MinimumDelay ? delay : MinimumDelay;
            }
        }

        // Only the recovery of a decreased budget can make room; ask again after a whole window.
        return _options.Window;
    }

    private readonly record struct Grant(DateTimeOffset At, long Bytes, int Events);
}
