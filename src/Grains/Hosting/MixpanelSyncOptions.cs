namespace MixpanelSync.Grains.Hosting;

/// <summary>Settings of the sync grains (section <c>MixpanelSync</c>).</summary>
public sealed class MixpanelSyncOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "MixpanelSync";

    /// <summary>Base address of the US ingestion API; only tests and demonstrations point it elsewhere.</summary>
    /// <value>Defaults to <c>https://api.mixpanel.com/</c>.</value>
    public Uri UsBaseAddress { get; set; } = new("https://api.mixpanel.com/");

    /// <summary>Base address of the EU ingestion API.</summary>
    /// <value>Defaults to <c>https://api-eu.mixpanel.com/</c>.</value>
    public Uri EuBaseAddress { get; set; } = new("https://api-eu.mixpanel.com/");

    /// <summary>Base address of the India ingestion API.</summary>
    /// <value>Defaults to <c>https://api-in.mixpanel.com/</c>.</value>
    public Uri IndiaBaseAddress { get; set; } = new("https://api-in.mixpanel.com/");

    /// <summary>
    /// How often each integration's reminder checks whether a run is due; Orleans allows no less than 1 minute.
    /// </summary>
    /// <value>Defaults to 5 minutes.</value>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The window over which scheduled runs of brands with the same schedule are spread.</summary>
    /// <value>Defaults to 10 minutes.</value>
    public TimeSpan ScheduleSpreadWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Events read from the event store per page.</summary>
    /// <value>Defaults to 10,000.</value>
    public int PageSize { get; set; } = 10_000;

    /// <summary>Events per /import request; Mixpanel accepts at most 2000.</summary>
    /// <value>Defaults to 2000.</value>
    public int MaxEventsPerBatch { get; set; } = 2000;

    /// <summary>Uncompressed bytes per /import request, 1,048,576 to 10,485,760.</summary>
    /// <value>Defaults to 9,000,000, below Mixpanel's documented 10 MB request limit.</value>
    public int MaxBatchBytes { get; set; } = 9_000_000;

    /// <summary>Batches one run keeps in flight; Mixpanel recommends 10 to 20 concurrent requests.</summary>
    /// <value>Defaults to 16.</value>
    public int MaxBatchesInFlight { get; set; } = 16;

    /// <summary>Attempts per batch before the run stops and retries later, 1 to 50.</summary>
    /// <value>Defaults to 8.</value>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The first backoff after a 429, 5xx or network error; it doubles on each attempt.</summary>
    /// <value>Defaults to 2 seconds, as Mixpanel recommends.</value>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The largest backoff between attempts.</summary>
    /// <value>Defaults to 60 seconds, as Mixpanel recommends.</value>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The smallest random jitter added to each backoff; a value above <see cref="MaxJitter"/> is lowered to it.
    /// </summary>
    /// <value>Defaults to 1 second; Mixpanel recommends 1 to 5 seconds.</value>
    public TimeSpan MinJitter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The largest random jitter added to each backoff.</summary>
    /// <value>Defaults to 5 seconds; Mixpanel recommends 1 to 5 seconds.</value>
    public TimeSpan MaxJitter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Timeout of one HTTP request, upload and response included, 10 ms to 1 hour.</summary>
    /// <value>Defaults to 60 seconds.</value>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long connecting or changing credentials waits for Mixpanel's response to the credential check,
    /// retries included; it must stay below Orleans' 30-second response timeout.
    /// </summary>
    /// <value>Defaults to 20 seconds.</value>
    public TimeSpan CredentialCheckTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How many times a run sends a batch again when the call to the batch sender fails in the cluster, for
    /// example because a silo died while the batch was in flight, 0 to 20. Each resend carries the same
    /// <c>$insert_id</c>s, so Mixpanel stores each event once.
    /// </summary>
    /// <value>Defaults to 5.</value>
    public int MaxBatchResends { get; set; } = 5;

    /// <summary>
    /// The wait before the second resend of a batch. The first resend goes at once, and the wait doubles after
    /// each later one, so the cluster has time to notice the dead silo and move its grains.
    /// </summary>
    /// <value>Defaults to 2 seconds.</value>
    public TimeSpan BatchResendDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The wait before a run that ran out of retries is tried again; it doubles per failure.</summary>
    /// <value>Defaults to 5 minutes.</value>
    public TimeSpan RunRetryBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest wait before a failed run is tried again.</summary>
    /// <value>Defaults to 1 hour.</value>
    public TimeSpan MaxRunRetryBackoff { get; set; } = TimeSpan.FromHours(1);
}
