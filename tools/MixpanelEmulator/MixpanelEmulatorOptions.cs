using System.Security.Cryptography.X509Certificates;

namespace MixpanelSync.MixpanelEmulator;

/// <summary>Settings of one emulator instance, read once by <see cref="MixpanelEmulatorHost.StartAsync"/>.</summary>
public sealed class MixpanelEmulatorOptions
{
    /// <summary>
    /// Mixpanel's per-request cap on the uncompressed /import body: 10 MB, counted as 10,485,760 bytes.
    /// </summary>
    public const long DefaultMaxRequestBytes = 10_485_760;

    /// <summary>
    /// Projects known from the start; more can be added with <see cref="MixpanelEmulatorHost.AddProject"/>.
    /// </summary>
    public IList<EmulatorProject> Projects { get; } = [];

    /// <summary>First of six consecutive ports, or 0 to bind each listener to a free port.</summary>
    /// <value>
    /// Defaults to 0. With a base port P the listeners are: HTTP US P, EU P+1, India P+2, HTTPS US P+3, EU P+4,
    /// India P+5. Every listener binds 127.0.0.1 only.
    /// </value>
    public int BasePort { get; set; }

    /// <summary>
    /// Maximum uncompressed request body in bytes; larger requests are rejected with 413 and nothing is stored.
    /// </summary>
    /// <value>Defaults to <see cref="DefaultMaxRequestBytes"/>. Older Mixpanel documentation stated 2,097,152.</value>
    public long MaxRequestBytes { get; set; } = DefaultMaxRequestBytes;

    /// <summary>Maximum events or profile updates in one request; a larger request is rejected whole.</summary>
    /// <value>Defaults to 2000.</value>
    public int MaxRecordsPerRequest { get; set; } = 2000;

    /// <summary>Rate limit of projects that set none of their own.</summary>
    public EmulatorRateLimit RateLimit { get; set; } = EmulatorRateLimit.Default;

    /// <summary>Value of the Retry-After header on 429 responses, or <see langword="null"/> to send none.</summary>
    /// <value>Defaults to <see langword="null"/>: Mixpanel documents no Retry-After header.</value>
    public TimeSpan? RetryAfter { get; set; }

    /// <summary>Response to data sent to a residency other than the project's.</summary>
    /// <value>Defaults to <see cref="WrongResidencyBehavior.AcceptAndDrop"/>.</value>
    public WrongResidencyBehavior WrongResidency { get; set; } = WrongResidencyBehavior.AcceptAndDrop;

    /// <summary>
    /// Counting-only mode for benchmarks: /import checks credentials and the size cap, counts events and bytes,
    /// returns 200 and neither validates nor stores anything.
    /// </summary>
    public bool CountingOnly { get; set; }

    /// <summary>Clock for time validation, the /track age rule, profile timestamps and the rate-limit window.</summary>
    /// <value>Defaults to <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Logger factory for the emulator and Kestrel, or <see langword="null"/> to log nothing.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Certificate for the HTTPS listeners, or <see langword="null"/> to create a self-signed one.</summary>
    public X509Certificate2? Certificate { get; set; }

    /// <summary>
    /// Seed of the random generator behind failure rates, or <see langword="null"/> for a random seed.
    /// </summary>
    public int? RandomSeed { get; set; }

    internal void Validate()
    {
        if (BasePort is < 0 or > 65_535 - 5)
        {
            throw new ArgumentOutOfRangeException(nameof(BasePort), BasePort, "Base port must be 0 or at most 65530.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRequestBytes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRecordsPerRequest, 1);
        ArgumentNullException.ThrowIfNull(TimeProvider);
        ArgumentNullException.ThrowIfNull(RateLimit);
        RateLimitValidation.Validate(RateLimit);
        foreach (var project in Projects)
        {
            ProjectValidation.Validate(project);
        }
    }
}
