using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Registry;
using Polly.Timeout;

namespace MixpanelSync.Mixpanel;

/// <summary>
/// Sends prepared batches to Mixpanel through <see cref="IHttpClientFactory"/> and the retry pipeline, and reports
/// the outcome of every event. Thread-safe; obtain it from dependency injection after
/// <c>services.AddMixpanelDelivery()</c>.
/// </summary>
/// <example>
/// <code>
/// var result = await client.SendAsync(target, batch, cancellationToken);
/// if (result.Status == BatchStatus.CredentialsRejected) { /* stop the run and alert */ }
/// foreach (var outcome in result.Outcomes) { /* record outcome.SourceKey as outcome.Status */ }
/// </code>
/// </example>
public sealed partial class MixpanelIngestionClient
{
    /// <summary>The name of the <see cref="HttpClient"/> in <see cref="IHttpClientFactory"/>.</summary>
    public const string HttpClientName = "MixpanelSync.Mixpanel";

    private const int MaxLoggedBodyCharacters = 200;

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly MixpanelEndpointOptions _endpoints;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly MixpanelMetrics _metrics;

    internal MixpanelIngestionClient(
        IHttpClientFactory httpClientFactory,
        ResiliencePipelineProvider<string> pipelines,
        IOptions<MixpanelEndpointOptions> endpoints,
        TimeProvider timeProvider,
        ILogger<MixpanelIngestionClient> logger,
        MixpanelMetrics metrics)
    {
        _httpClientFactory = httpClientFactory;
        _pipeline = pipelines.GetPipeline<HttpResponseMessage>(MixpanelResilience.PipelineName);
        _endpoints = endpoints.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        _metrics = metrics;
    }

    /// <summary>
    /// Sends the batch of events (or of profile updates, to <c>/engage</c>), retrying transient failures and
    /// splitting it when Mixpanel responds with 413, and returns one outcome per event. Completes once per call,
    /// and throws only for invalid arguments and cancellation.
    /// </summary>
    /// <param name="target">The project's residency and credentials.</param>
    /// <param name="batch">The prepared batch; its endpoint decides where it goes.</param>
    /// <param name="cancellationToken">Cancels waiting and sending.</param>
    /// <exception cref="ArgumentException">The target lacks the token that <c>/track</c> needs.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public async Task<BatchResult> SendAsync(
        MixpanelTarget target,
        PreparedBatch batch,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(batch);
        if (PathOf(batch) != "/import" && target.ProjectToken is null)
        {
            throw new ArgumentException(
                $"{PathOf(batch)} needs the project token, but the target has none.",
                nameof(target));
        }

        var statistics = new SendStatistics();
        var outcomes = new EventOutcome[batch.EventCount];
        var request = new SendRequest(target, target.DescribeCredentials(), statistics);
        _metrics.EventsSent(batch.EventCount);

        await SendPartAsync(request, batch, outcomes, 0, cancellationToken);

        foreach (var outcome in outcomes)
        {
            _metrics.EventOutcome(outcome);
        }

        var result = new BatchResult(StatusOf(outcomes), outcomes, statistics);
        Log.BatchSent(
            _logger,
            batch.EventCount,
            request.Description,
            result.ImportedCount,
            result.RejectedCount,
            result.FailedCount,
            result.Requests);
        return result;
    }

    private async Task SendPartAsync(
        SendRequest request,
        PreparedBatch batch,
        EventOutcome[] outcomes,
        int offset,
        CancellationToken cancellationToken)
    {
        if (request.Statistics.CredentialsRejected)
        {
            const string NotSent = "Not sent: credentials were rejected.";
            Fill(outcomes, offset, batch, EventOutcomeStatus.Failed, OutcomeReason.NotSent, NotSent);
            return;
        }

        var exchange = await ExchangeAsync(request, batch, cancellationToken);
        if (exchange.StatusCode == HttpStatusCode.RequestEntityTooLarge && batch.EventCount > 1)
        {
            Log.SplittingBatch(_logger, batch.EventCount, batch.UncompressedBytes, request.Description);
            var (first, second) = batch.Split();
            await SendPartAsync(request, first, outcomes, offset, cancellationToken);
            await SendPartAsync(request, second, outcomes, offset + first.EventCount, cancellationToken);
            return;
        }

        ApplyResponse(request, batch, exchange, outcomes, offset);
    }

    private async Task<Exchange> ExchangeAsync(
        SendRequest request,
        PreparedBatch batch,
        CancellationToken cancellationToken)
    {
        var path = PathOf(batch);
        var body = path == "/import" ? batch.GzippedBody : RequestBodies.NdjsonToForm(batch.Decompress());
        var attempt = new Attempt(path, body, batch.UncompressedBytes, request.Target);
        return await ExecuteAsync(request, attempt, batch.EventCount, cancellationToken);
    }

    private async Task<Exchange> ExecuteAsync(
        SendRequest request,
        Attempt attempt,
        int eventCount,
        CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(MixpanelResilience.StatisticsKey, request.Statistics);
        context.Properties.Set(
            MixpanelResilience.RequestKey,
            new RequestDescription(attempt.Path, eventCount, request.Description));
        try
        {
            using var response = await _pipeline.ExecuteAsync(
                static (context, state) => state.Client.SendOnceAsync(
                    state.Attempt,
                    state.Statistics,
                    context.CancellationToken),
                context,
                (Client: this, Attempt: attempt, request.Statistics));
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            request.Statistics.LastStatusCode = (int)response.StatusCode;
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                // The retry callback counts the 429s that were retried; this is the last one.
                request.Statistics.CountRateLimited();
                _metrics.RateLimited();
            }

            return new Exchange(response.StatusCode, body, null);
        }
        catch (Exception exception) when (IsDeliveryFailure(exception, cancellationToken))
        {
            request.Statistics.LastStatusCode = null;
            return new Exchange(null, [], exception);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static bool IsDeliveryFailure(Exception exception, CancellationToken cancellationToken) =>
        exception is HttpRequestException or TimeoutRejectedException
        || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private async ValueTask<HttpResponseMessage> SendOnceAsync(
        Attempt attempt,
        SendStatistics statistics,
        CancellationToken cancellationToken)
    {
        statistics.CountRequest();
        _metrics.BodyBytes(attempt.Body.Length, attempt.UncompressedBytes);
        using var message = CreateRequestMessage(attempt);
        var client = _httpClientFactory.CreateClient(HttpClientName);
        var started = _timeProvider.GetTimestamp();
        try
        {
            var response = await client.SendAsync(message, cancellationToken);
            var status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            _metrics.RequestDuration(_timeProvider.GetElapsedTime(started), attempt.Path, status);
            return response;
        }
        catch (Exception exception)
        {
            _metrics.RequestDuration(_timeProvider.GetElapsedTime(started), attempt.Path, exception.GetType().Name);
            throw;
        }
    }

    private HttpRequestMessage CreateRequestMessage(Attempt attempt)
    {
        var target = attempt.Target;
        var baseAddress = _endpoints.GetBaseAddress(target.Residency).AbsoluteUri.TrimEnd('/');
        switch (attempt.Path)
        {
            case "/import":
                var query = target.ServiceAccount is { } account
                    ? "?strict=1&project_id=" + Uri.EscapeDataString(account.ProjectId)
                    : "?strict=1";
                var import = new HttpRequestMessage(HttpMethod.Post, baseAddress + attempt.Path + query)
                {
                    Content = RequestBodies.ImportContent(attempt.Body),
                };
                import.Headers.Authorization = target.ServiceAccount is { } serviceAccount
                    ? RequestBodies.Basic(serviceAccount.Username, serviceAccount.Secret)
                    : RequestBodies.Basic(target.ProjectToken!, string.Empty);
                return import;
            case "/track":
                return new HttpRequestMessage(HttpMethod.Post, baseAddress + "/track?verbose=1&ip=0")
                {
                    Content = RequestBodies.FormContent(attempt.Body),
                };
            default:
                return new HttpRequestMessage(HttpMethod.Post, baseAddress + "/engage?verbose=1")
                {
                    Content = RequestBodies.FormContent(attempt.Body),
                };
        }
    }

    private static string PathOf(PreparedBatch batch) => batch.IsProfileBatch
        ? "/engage"
        : batch.Endpoint == MixpanelIngestionEndpoint.Track ? "/track" : "/import";

    private static BatchStatus StatusOf(EventOutcome[] outcomes)
    {
        var status = BatchStatus.Completed;
        foreach (var outcome in outcomes)
        {
            switch (outcome.Reason)
            {
                case OutcomeReason.CredentialsRejected or OutcomeReason.NotSent:
                    return BatchStatus.CredentialsRejected;
                case OutcomeReason.RetriesExhausted:
                    status = BatchStatus.RetriesExhausted;
                    break;
                case OutcomeReason.UnexpectedResponse when status == BatchStatus.Completed:
                    status = BatchStatus.UnexpectedResponse;
                    break;
            }
        }

        return status;
    }

    private static void Fill(
        EventOutcome[] outcomes,
        int offset,
        PreparedBatch batch,
        EventOutcomeStatus status,
        OutcomeReason reason,
        string? message = null)
    {
        for (var i = 0; i < batch.EventCount; i++)
        {
            outcomes[offset + i] = EventOutcome.For(batch.Events[i], status, reason, message: message);
        }
    }

    /// <summary>The target and counters shared by every request made for one batch.</summary>
    private sealed record SendRequest(MixpanelTarget Target, string Description, SendStatistics Statistics);

    /// <summary>What each attempt of one request sends.</summary>
    private sealed record Attempt(
        string Path,
        ReadOnlyMemory<byte> Body,
        long UncompressedBytes,
        MixpanelTarget Target);

    /// <summary>The final response of a request after retries, or the exception of its last attempt.</summary>
    private sealed record Exchange(HttpStatusCode? StatusCode, byte[] Body, Exception? Exception);
}
