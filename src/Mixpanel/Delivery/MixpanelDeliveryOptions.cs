namespace MixpanelSync.Mixpanel;

/// <summary>
/// How requests are sent and retried. The retry defaults follow Mixpanel's rate-limit guidance: exponential
/// backoff from 2 seconds, doubling up to 60 seconds, plus 1 to 5 seconds of random jitter.
/// </summary>
public sealed class MixpanelDeliveryOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Mixpanel:Delivery";

    /// <summary>The endpoint that receives events.</summary>
    /// <value>Default <see cref="MixpanelIngestionEndpoint.Import"/>.</value>
    public MixpanelIngestionEndpoint Endpoint { get; set; } = MixpanelIngestionEndpoint.Import;

    /// <summary>The most HTTP requests made for one batch, the first included.</summary>
    /// <value>Default 8. Range 1 to 50.</value>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait before the first retry, before jitter.</summary>
    /// <value>Default 2 seconds.</value>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between attempts, before jitter.</summary>
    /// <value>Default 60 seconds.</value>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The least random time added to each backoff.</summary>
    /// <value>Default 1 second.</value>
    public TimeSpan MinRetryJitter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The most random time added to each backoff.</summary>
    /// <value>Default 5 seconds.</value>
    public TimeSpan MaxRetryJitter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest <c>Retry-After</c> wait that is honoured; longer values are cut to this.</summary>
    /// <value>Default 5 minutes.</value>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long one request may take, upload and response included, before it is abandoned and retried.
    /// </summary>
    /// <value>Default 60 seconds.</value>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The most requests in flight per Mixpanel project in <see cref="MixpanelDeliveryPipeline"/>.</summary>
    /// <value>Default 16; Mixpanel suggests 10 to 20. Range 1 to 64.</value>
    public int MaxConcurrentRequests { get; set; } = 16;
}
