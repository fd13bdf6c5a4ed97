namespace MixpanelSync.MixpanelEmulator;

/// <summary>
/// Faults injected into one project's ingestion requests. A request counts as the project's when its credentials
/// (/import) or its first record's token (/track, /engage, /groups) name the project. All members are thread-safe.
/// </summary>
public sealed class EmulatorFaults
{
    private readonly Lock _gate = new();
    // Random.Shared is thread-safe; a seeded instance belongs to this project alone and is used under _gate.
    private readonly Random _random;
    private int _failNextCount;
    private int _failNextStatusCode;
    private double _failureRate;
    private int _failureRateStatusCode;
    private TimeSpan _latency;
    private int _hangNextCount;
    private int _dropNextCount;
    private bool _tokenRevoked;

    internal EmulatorFaults(Random random)
    {
        _random = random;
    }

    /// <summary>Whether /import rejects every request with 401 because <see cref="RevokeToken"/> was called.</summary>
    public bool IsTokenRevoked
    {
        get
        {
            lock (_gate)
            {
                return _tokenRevoked;
            }
        }
    }

    /// <summary>
    /// Fails the next <paramref name="count"/> requests with <paramref name="statusCode"/> and stores nothing.
    /// </summary>
    /// <param name="count">Number of requests to fail.</param>
    /// <param name="statusCode">HTTP status from 400 to 599; 429 carries Mixpanel's rate-limit body.</param>
    public void FailNext(int count, int statusCode = 503)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ValidateStatusCode(statusCode);
        lock (_gate)
        {
            _failNextCount = count;
            _failNextStatusCode = statusCode;
        }
    }

    /// <summary>
    /// Fails each request with probability <paramref name="rate"/> and the given status, until cleared.
    /// </summary>
    /// <param name="rate">Probability from 0 to 1.</param>
    /// <param name="statusCode">HTTP status from 400 to 599.</param>
    public void SetFailureRate(double rate, int statusCode = 503)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rate);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rate, 1.0);
        ValidateStatusCode(statusCode);
        lock (_gate)
        {
            _failureRate = rate;
            _failureRateStatusCode = statusCode;
        }
    }

    /// <summary>Delays every request by <paramref name="latency"/> of wall-clock time before it is processed.</summary>
    public void SetLatency(TimeSpan latency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(latency, TimeSpan.Zero);
        lock (_gate)
        {
            _latency = latency;
        }
    }

    /// <summary>
    /// Never responds to the next <paramref name="count"/> requests: they end only when the client gives up or the
    /// emulator stops. Nothing they carry is stored.
    /// </summary>
    public void HangNext(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            _hangNextCount = count;
        }
    }

    /// <summary>
    /// Stores the next <paramref name="count"/> requests as usual, then aborts their connections instead of responding,
    /// so the client never learns that the data was ingested.
    /// </summary>
    public void DropConnectionAfterStoreNext(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            _dropNextCount = count;
        }
    }

    /// <summary>
    /// Rejects the project's credentials from now on: /import rejects them with 401 and /track drops the events.
    /// </summary>
    public void RevokeToken()
    {
        lock (_gate)
        {
            _tokenRevoked = true;
        }
    }

    /// <summary>Removes every fault, including a revoked token.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _failNextCount = 0;
            _failureRate = 0;
            _latency = TimeSpan.Zero;
            _hangNextCount = 0;
            _dropNextCount = 0;
            _tokenRevoked = false;
        }
    }

    internal RequestFault TakeRequestFault()
    {
        lock (_gate)
        {
            if (_hangNextCount > 0)
            {
                _hangNextCount--;
                return new RequestFault(_latency, Hang: true, StatusCode: null);
            }

            if (_failNextCount > 0)
            {
                _failNextCount--;
                return new RequestFault(_latency, Hang: false, _failNextStatusCode);
            }

            if (_failureRate > 0 && _random.NextDouble() < _failureRate)
            {
                return new RequestFault(_latency, Hang: false, _failureRateStatusCode);
            }

            return new RequestFault(_latency, Hang: false, StatusCode: null);
        }
    }

    internal bool TakeDropAfterStore()
    {
        lock (_gate)
        {
            if (_dropNextCount <= 0)
            {
                return false;
            }

            _dropNextCount--;
            return true;
        }
    }

    private static void ValidateStatusCode(int statusCode)
    {
        if (statusCode is < 400 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "Status code must be 400 to 599.");
        }
    }
}
