using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MixpanelSync.Mixpanel;

/// <summary>
/// Streams events to one Mixpanel project: validates and batches them, keeps up to
/// <see cref="MixpanelDeliveryOptions.MaxConcurrentRequests"/> requests in flight (fewer while Mixpanel responds with
/// 429), and reports every event's outcome exactly once. Memory stays bounded by the batches in flight plus the one
/// being built. A credential failure stops the run: no further events are read.
/// </summary>
/// <example>
/// <code>
/// var summary = await pipeline.RunAsync(
///     target,
///     MixpanelFileReader.ReadAsync(stream),
///     (outcomes, ct) => { store.Record(outcomes); return ValueTask.CompletedTask; },
///     cancellationToken);
/// </code>
/// </example>
public sealed class MixpanelDeliveryPipeline
{
    private const int RejectionChunkSize = 512;

    private readonly MixpanelIngestionClient _client;
    private readonly MixpanelEventValidator _validator;
    private readonly MixpanelBatchOptions _batchOptions;
    private readonly MixpanelDeliveryOptions _deliveryOptions;
    private readonly ILogger _logger;
    private readonly MixpanelMetrics _metrics;

    internal MixpanelDeliveryPipeline(
        MixpanelIngestionClient client,
        MixpanelEventValidator validator,
        IOptions<MixpanelBatchOptions> batchOptions,
        IOptions<MixpanelDeliveryOptions> deliveryOptions,
        ILogger<MixpanelDeliveryPipeline> logger,
        MixpanelMetrics metrics)
    {
        _client = client;
        _validator = validator;
        _batchOptions = batchOptions.Value;
        _deliveryOptions = deliveryOptions.Value;
        _logger = logger;
        _metrics = metrics;
    }

    /// <summary>Sends the events and passes their outcomes to the callback.</summary>
    /// <param name="target">The project's residency and credentials.</param>
    /// <param name="events">The events, read once and in order.</param>
    /// <param name="onOutcomes">Receives every event's outcome exactly once; its calls never overlap.</param>
    /// <param name="cancellationToken">Stops reading and sending; the call then throws.</param>
    public Task<DeliverySummary> RunAsync(
        MixpanelTarget target,
        IAsyncEnumerable<MixpanelEvent> events,
        Func<IReadOnlyList<EventOutcome>, CancellationToken, ValueTask> onOutcomes,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onOutcomes);
        return RunAsync(target, events, new DelegateOutcomeSink(onOutcomes), cancellationToken);
    }

    /// <summary>Sends the events and passes their outcomes to the sink.</summary>
    /// <param name="target">The project's residency and credentials.</param>
    /// <param name="events">The events, read once and in order.</param>
    /// <param name="sink">Receives every event's outcome exactly once; its calls never overlap.</param>
    /// <param name="cancellationToken">Stops reading and sending; the call then throws.</param>
    /// <returns>The totals of the run.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public async Task<DeliverySummary> RunAsync(
        MixpanelTarget target,
        IAsyncEnumerable<MixpanelEvent> events,
        IDeliveryOutcomeSink sink,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(sink);

        var run = new DeliveryRun(this, target, sink, cancellationToken);
        Log.RunStarted(_logger, run.Description, _deliveryOptions.MaxConcurrentRequests);
        var summary = await run.ExecuteAsync(events);
        if (summary.StoppedOnCredentials)
        {
            Log.RunStoppedOnCredentials(_logger, run.Description, summary.FailedCount);
        }

        Log.RunFinished(
            _logger,
            run.Description,
            summary.ImportedCount,
            summary.RejectedCount,
            summary.FailedCount,
            summary.Batches);
        return summary;
    }

    /// <summary>The state of one run.</summary>
    private sealed class DeliveryRun(
        MixpanelDeliveryPipeline pipeline,
        MixpanelTarget target,
        IDeliveryOutcomeSink sink,
        CancellationToken cancellationToken)
    {
        private readonly SemaphoreSlim _sinkGate = new(1, 1);
        private readonly AdaptiveConcurrencyLimit _limit = new(pipeline._deliveryOptions.MaxConcurrentRequests);
        private readonly List<Task> _inFlight = [];
        private readonly List<EventOutcome> _rejections = [];
        private long _eventsRead;
        private long _imported;
        private long _rejected;
        private long _failed;
        private long _batches;
        private long _requests;
        private volatile bool _credentialsRejected;
        private string? _lastError;

        public string Description { get; } = target.DescribeCredentials();

        public async Task<DeliverySummary> ExecuteAsync(IAsyncEnumerable<MixpanelEvent> events)
        {
            var endpoint = pipeline._deliveryOptions.Endpoint;
            using var builder = new BatchBuilder(
                pipeline._validator,
                pipeline._batchOptions,
                endpoint,
                target.ProjectToken);
            try
            {
                await ReadAsync(events, builder);
                if (builder.Flush() is { } last)
                {
                    await DispatchAsync(last);
                }
            }
            finally
            {
                await Task.WhenAll(_inFlight);
            }

            await FlushRejectionsAsync();
            return new DeliverySummary
            {
                EventsRead = _eventsRead,
                ImportedCount = _imported,
                RejectedCount = _rejected,
                FailedCount = _failed,
                Batches = _batches,
                Requests = _requests,
                StoppedOnCredentials = _credentialsRejected,
                LastError = _lastError,
            };
        }

        private async Task ReadAsync(IAsyncEnumerable<MixpanelEvent> events, BatchBuilder builder)
        {
            await foreach (var mixpanelEvent in events.WithCancellation(cancellationToken))
            {
                _eventsRead++;
                var result = builder.Append(mixpanelEvent);
                if (!result.Validation.IsAccepted)
                {
                    await RejectAsync(result.Validation);
                }

                if (result.CompletedBatch is { } batch)
                {
                    await DispatchAsync(batch);
                }

                if (_credentialsRejected)
                {
                    return;
                }
            }
        }

        private async Task RejectAsync(EventValidationResult validation)
        {
            var rejection = validation.Rejection!;
            Log.EventRejected(
                pipeline._logger,
                validation.SourceKey,
                Description,
                rejection.Code,
                rejection.Field,
                rejection.Message);
            var outcome = EventOutcome.FromRejection(validation);
            pipeline._metrics.EventOutcome(outcome);
            _rejections.Add(outcome);
            if (_rejections.Count >= RejectionChunkSize)
            {
                await FlushRejectionsAsync();
            }
        }

        private async Task FlushRejectionsAsync()
        {
            if (_rejections.Count == 0)
            {
                return;
            }

            var chunk = _rejections.ToArray();
            _rejections.Clear();
            await DeliverAsync(chunk);
        }

        private async Task DispatchAsync(PreparedBatch batch)
        {
            _batches++;
            await _limit.WaitAsync(cancellationToken);
            if (_credentialsRejected)
            {
                _limit.Release(rateLimited: false);
                await DeliverAsync(NotSent(batch));
                return;
            }

            _inFlight.RemoveAll(task => task.IsCompletedSuccessfully);
            _inFlight.Add(SendAsync(batch));
        }

        private async Task SendAsync(PreparedBatch batch)
        {
            BatchResult? result = null;
            try
            {
                result = await pipeline._client.SendAsync(target, batch, cancellationToken);
            }
            finally
            {
                var lowered = _limit.Release(result?.RateLimitedResponses > 0);
                if (lowered is { } limit)
                {
                    Log.ConcurrencyReduced(pipeline._logger, Description, limit);
                }
            }

            Interlocked.Add(ref _requests, result.Requests);
            if (result.Status == BatchStatus.CredentialsRejected)
            {
                _credentialsRejected = true;
            }

            if (result.Error is { } error)
            {
                _lastError = error;
            }

            await DeliverAsync(result.Outcomes);
        }

        private EventOutcome[] NotSent(PreparedBatch batch)
        {
            var outcomes = new EventOutcome[batch.EventCount];
            for (var i = 0; i < outcomes.Length; i++)
            {
                outcomes[i] = EventOutcome.For(
                    batch.Events[i],
                    EventOutcomeStatus.Failed,
                    OutcomeReason.NotSent,
                    message: "Not sent: Mixpanel rejected the credentials earlier in the run.");
                pipeline._metrics.EventOutcome(outcomes[i]);
            }

            return outcomes;
        }

        private async Task DeliverAsync(IReadOnlyList<EventOutcome> outcomes)
        {
            await _sinkGate.WaitAsync(cancellationToken);
            try
            {
                foreach (var outcome in outcomes)
                {
                    switch (outcome.Status)
                    {
                        case EventOutcomeStatus.Imported:
                            _imported++;
                            break;
                        case EventOutcomeStatus.Rejected:
                            _rejected++;
                            break;
                        default:
                            _failed++;
                            break;
                    }
                }

                await sink.OnOutcomesAsync(outcomes, cancellationToken);
            }
            finally
            {
                _sinkGate.Release();
            }
        }
    }
}
