namespace MixpanelSync.MixpanelEmulator;

internal static class RateLimitValidation
{
    public static void Validate(EmulatorRateLimit limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit.MaxBytes, 1, nameof(EmulatorRateLimit.MaxBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(limit.MaxEvents, 1, nameof(EmulatorRateLimit.MaxEvents));
        if (limit.Window < TimeSpan.FromSeconds(1) || limit.Window.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(EmulatorRateLimit.Window),
                limit.Window,
                "Rate-limit window must be a whole number of seconds, at least one.");
        }
    }
}
