namespace MixpanelSync.Api.Hosting;

/// <summary>Settings of the REST API, bound from the <c>Api</c> configuration section.</summary>
public sealed class ApiOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Api";

    /// <summary>
    /// The operator key, which may call every endpoint and open the dashboard. At least 32 characters.
    /// </summary>
    /// <value>
    /// Defaults to <see langword="null"/>: a random key is generated on the first start and kept in
    /// <see cref="OperatorKeyFile"/>.
    /// </value>
    public string? OperatorKey { get; set; }

    /// <summary>
    /// The file that keeps the generated operator key when <see cref="OperatorKey"/> is not set, relative to the
    /// content root unless absolute. It is created with permissions 0600.
    /// </summary>
    /// <value>Defaults to <c>operator-key</c> in the silo's data directory (<c>Sync:DataDirectory</c>).</value>
    public string? OperatorKeyFile { get; set; }

    /// <summary>
    /// An optional URL that receives a JSON POST when a brand enters or leaves the error or degraded state.
    /// </summary>
    /// <value>Defaults to <see langword="null"/>: no alerts are sent.</value>
    public Uri? AlertWebhookUrl { get; set; }

    /// <summary>How often the state of recently active brands is checked for alerts.</summary>
    /// <value>Defaults to 30 seconds.</value>
    public TimeSpan AlertPollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long after its last API request a brand's state is still checked for alerts.</summary>
    /// <value>Defaults to 8 days, so that brands on a weekly schedule that call the API weekly stay watched.</value>
    public TimeSpan AlertWatchPeriod { get; set; } = TimeSpan.FromDays(8);

    /// <summary>The largest uncompressed body of an event ingestion request, in bytes.</summary>
    /// <value>Defaults to 10,485,760 (10 MiB).</value>
    public long MaxIngestionBodyBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>The largest body of every other API request, in bytes.</summary>
    /// <value>Defaults to 65,536 (64 KiB).</value>
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Requests one API key may make per <see cref="RateLimitWindow"/>; more get 429.</summary>
    /// <value>Defaults to 600.</value>
    public int RateLimitPermits { get; set; } = 600;

    /// <summary>The window of <see cref="RateLimitPermits"/>.</summary>
    /// <value>Defaults to 1 minute.</value>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a silo caches the result of a brand key lookup. A key revoked through another silo still works
    /// there for up to this long.
    /// </summary>
    /// <value>Defaults to 30 seconds.</value>
    public TimeSpan KeyCacheDuration { get; set; } = TimeSpan.FromSeconds(30);
}
