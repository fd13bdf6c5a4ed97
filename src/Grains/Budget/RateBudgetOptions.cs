namespace MixpanelSync.Grains.Budget;

/// <summary>Limits of each Mixpanel project's shared rate budget (section <c>MixpanelSync:RateBudget</c>).</summary>
public sealed class RateBudgetOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "MixpanelSync:RateBudget";

    /// <summary>The length of the rolling window.</summary>
    /// <value>Defaults to 60 seconds, Mixpanel's documented window.</value>
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Uncompressed JSON bytes granted per window.</summary>
    /// <value>
    /// Defaults to 2,000,000,000. Mixpanel documents 2 GB per minute per project without saying whether a
    /// GB is 10^9 or 2^30 bytes, so the smaller reading is used.
    /// </value>
    public long MaxBytesPerWindow { get; set; } = 2_000_000_000;

    /// <summary>Events granted per window.</summary>
    /// <value>Defaults to 1,800,000: Mixpanel's documented estimate of about 30,000 events per second.</value>
    public long MaxEventsPerWindow { get; set; } = 1_800_000;

    /// <summary>The factor applied to the limits when a sender reports a 429 response.</summary>
    /// <value>Defaults to 0.5.</value>
    public double DecreaseFactor { get; set; } = 0.5;

    /// <summary>The smallest share of the limits the budget shrinks to.</summary>
    /// <value>Defaults to 0.05.</value>
    public double MinimumShare { get; set; } = 0.05;

    /// <summary>
    /// The minimum time between two decreases, because concurrent senders usually hit the same limit at
    /// once and should shrink the budget once.
    /// </summary>
    /// <value>Defaults to 2 seconds.</value>
    public TimeSpan DecreaseInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a grant whose release never arrives, because its sender's silo died, keeps counting before its
    /// window starts. It should exceed the longest send: every attempt timing out plus every backoff.
    /// </summary>
    /// <value>Defaults to 15 minutes: 8 attempts of up to 60 seconds plus about 3 minutes of backoff.</value>
    public TimeSpan MaxGrantHold { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The share of the limits regained per second without a 429 response.</summary>
    /// <value>Defaults to 0.01, so a budget halved by a 429 recovers fully in about 50 seconds.</value>
    public double RecoveryPerSecond { get; set; } = 0.01;
}
