namespace MixpanelSync.MixpanelEmulator;

/// <summary>
/// Rolling-window limit on uncompressed bytes and events, kept in one-second buckets of the emulator's clock.
/// </summary>
internal sealed class RollingWindowRateLimiter
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _timeProvider;
    private readonly EmulatorRateLimit _limit;
    private readonly long[] _bucketSeconds;
    private readonly long[] _bucketBytes;
    private readonly long[] _bucketEvents;

    public RollingWindowRateLimiter(EmulatorRateLimit limit, TimeProvider timeProvider)
    {
        _limit = limit;
        _timeProvider = timeProvider;
        var buckets = (int)limit.Window.TotalSeconds;
        _bucketSeconds = new long[buckets];
        _bucketBytes = new long[buckets];
        _bucketEvents = new long[buckets];
        Array.Fill(_bucketSeconds, long.MinValue);
    }

    /// <summary>
    /// Adds the request to the window and returns true, or returns false without adding it when it would take the
    /// window over either maximum.
    /// </summary>
    public bool TryAcquire(long bytes, long events)
    {
        lock (_gate)
        {
            var now = CurrentSecond();
            var (windowBytes, windowEvents) = Sum(now);
            if (windowBytes + bytes > _limit.MaxBytes || windowEvents + events > _limit.MaxEvents)
            {
                return false;
            }

            Add(now, bytes, events);
            return true;
        }
    }

    /// <summary>
    /// Adds a request to the window unconditionally, as Mixpanel does for requests rejected with 400.
    /// </summary>
    public void Record(long bytes, long events)
    {
        lock (_gate)
        {
            Add(CurrentSecond(), bytes, events);
        }
    }

    private long CurrentSecond() => _timeProvider.GetUtcNow().ToUnixTimeSeconds();

    private (long Bytes, long Events) Sum(long now)
    {
        long bytes = 0;
        long events = 0;
        var oldest = now - _bucketSeconds.Length;
        for (var i = 0; i < _bucketSeconds.Length; i++)
        {
            if (_bucketSeconds[i] > oldest)
            {
                bytes += _bucketBytes[i];
                events += _bucketEvents[i];
            }
        }

        return (bytes, events);
    }

    private void Add(long now, long bytes, long events)
    {
        var index = (int)(now % _bucketSeconds.Length);
        if (_bucketSeconds[index] != now)
        {
            _bucketSeconds[index] = now;
            _bucketBytes[index] = 0;
            _bucketEvents[index] = 0;
        }

        _bucketBytes[index] += bytes;
        _bucketEvents[index] += events;
    }
}
