using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace MixpanelSync.Mixpanel;

/// <summary>
/// The retry and timeout pipeline around each Mixpanel request, registered once under <see cref="PipelineName"/>.
/// </summary>
internal static class MixpanelResilience
{
    /// <summary>The key of the pipeline in Polly's registry.</summary>
    public const string PipelineName = "MixpanelSync.Mixpanel.Ingestion";

    /// <summary>Carries the batch's counters into the retry callbacks.</summary>
    public static readonly ResiliencePropertyKey<SendStatistics> StatisticsKey = new("mixpanel.statistics");

    /// <summary>Carries a description of the request into the retry log message.</summary>
    public static readonly ResiliencePropertyKey<RequestDescription> RequestKey = new("mixpanel.request");

    /// <summary>
    /// Adds a retry strategy for 408, 429, 500, 502, 503 and 504 responses, timeouts and connection failures,
    /// and a per-attempt timeout inside it. 400, 401, 403 and 413 are never retried.
    /// </summary>
    public static void Configure(
        ResiliencePipelineBuilder<HttpResponseMessage> builder,
        MixpanelDeliveryOptions options,
        TimeProvider timeProvider,
        ILogger logger,
        MixpanelMetrics metrics)
    {
        builder.TimeProvider = timeProvider;
        if (options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome, args.Context)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(RetryDelays.Compute(
                    args.AttemptNumber,
                    RetryDelays.ReadRetryAfter(args.Outcome.Result, timeProvider.GetUtcNow()),
                    options,
                    Random.Shared.NextDouble())),
                OnRetry = args =>
                {
                    OnRetry(args, logger, metrics);
                    return default;
                },
            });
        }

        builder.AddTimeout(options.AttemptTimeout);
    }

    /// <summary>Returns whether the outcome is worth another attempt.</summary>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome, ResilienceContext context) => outcome switch
    {
        { Result: { } response } => IsTransientStatus(response.StatusCode),
        { Exception: HttpRequestException or TimeoutRejectedException } => true,

        // HttpClient reports its own timeout as a cancellation the caller did not request.
        { Exception: OperationCanceledException } => !context.CancellationToken.IsCancellationRequested,
        _ => false,
    };

    /// <summary>Returns whether the status is one that Mixpanel or a proxy sends for a passing condition.</summary>
    public static bool IsTransientStatus(HttpStatusCode status) => status is HttpStatusCode.RequestTimeout
        or HttpStatusCode.TooManyRequests
        or HttpStatusCode.InternalServerError
        or HttpStatusCode.BadGateway
        or HttpStatusCode.ServiceUnavailable
        or HttpStatusCode.GatewayTimeout;

    /// <summary>Describes an outcome for logs: the status code or the exception type.</summary>
    public static string Describe(Outcome<HttpResponseMessage> outcome) => outcome.Result is { } response
        ? ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)
        : outcome.Exception?.GetType().Name ?? "no response";

    private static void OnRetry(OnRetryArguments<HttpResponseMessage> args, ILogger logger, MixpanelMetrics metrics)
    {
        var outcome = Describe(args.Outcome);
        metrics.Retry(outcome);
        if (args.Outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests)
        {
            metrics.RateLimited();
            if (args.Context.Properties.TryGetValue(StatisticsKey, out var statistics))
            {
                statistics.CountRateLimited();
            }
        }

        args.Context.Properties.TryGetValue(RequestKey, out var request);
        Log.RetryingRequest(
            logger,
            request?.Endpoint ?? "Mixpanel",
            request?.EventCount ?? 0,
            request?.Target ?? "unknown target",
            outcome,
            args.AttemptNumber + 1,
            (long)args.RetryDelay.TotalMilliseconds);
    }
}
