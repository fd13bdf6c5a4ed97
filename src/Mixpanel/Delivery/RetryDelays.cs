namespace MixpanelSync.Mixpanel;

/// <summary>Computes the wait before a retry.</summary>
internal static class RetryDelays
{
    /// <summary>
    /// Returns the wait before retry number <paramref name="retryIndex"/> (0 for the first retry): the
    /// <c>Retry-After</c> value when the server sent one, otherwise the initial delay doubled per retry up to the
    /// maximum, plus jitter drawn from <paramref name="randomUnit"/> in [0, 1).
    /// </summary>
    public static TimeSpan Compute(
        int retryIndex,
        TimeSpan? retryAfter,
        MixpanelDeliveryOptions options,
        double randomUnit)
    {
        if (retryAfter is { } requested)
        {
            return requested < TimeSpan.Zero
                ? TimeSpan.Zero
                : requested > options.MaxRetryAfter ? options.MaxRetryAfter : requested;
        }

        var exponent = Math.Min(retryIndex, 30);
        var backoffTicks = Math.Min(
            options.InitialRetryDelay.Ticks * Math.Pow(2, exponent),
            options.MaxRetryDelay.Ticks);
        var jitterRange = options.MaxRetryJitter.Ticks - options.MinRetryJitter.Ticks;
        var jitterTicks = options.MinRetryJitter.Ticks + (jitterRange * randomUnit);
        return TimeSpan.FromTicks((long)(backoffTicks + jitterTicks));
    }

    /// <summary>Reads a <c>Retry-After</c> header given as seconds or as an HTTP date.</summary>
    public static TimeSpan? ReadRetryAfter(HttpResponseMessage? response, DateTimeOffset now)
    {
        var header = response?.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? date - now : null;
    }
}
