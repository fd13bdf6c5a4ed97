namespace MixpanelSync.MixpanelEmulator;

/// <summary>
/// Per-project ingestion rate limit over a rolling window. A request is rejected with 429 when the uncompressed bytes
/// or the events it adds to the window would exceed either maximum.
/// </summary>
public sealed record EmulatorRateLimit
{
    /// <summary>Mixpanel's documented limit: 2 GB of uncompressed JSON or about 30,000 events per second.</summary>
    public static EmulatorRateLimit Default { get; } = new();

    /// <summary>Maximum uncompressed request bytes in one window.</summary>
    /// <value>Defaults to 2 GiB (2,147,483,648 bytes).</value>
    public long MaxBytes { get; init; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Maximum events in one window.</summary>
    /// <value>Defaults to 1,800,000 (30,000 events per second over 60 seconds).</value>
    public long MaxEvents { get; init; } = 1_800_000;

    /// <summary>Length of the rolling window, measured with the emulator's <see cref="TimeProvider"/>.</summary>
    /// <value>Defaults to 60 seconds; whole seconds only.</value>
    public TimeSpan Window { get; init; } = TimeSpan.FromSeconds(60);
}
