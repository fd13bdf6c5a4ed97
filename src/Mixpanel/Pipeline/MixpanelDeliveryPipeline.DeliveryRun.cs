namespace MixpanelSync.Mixpanel;

public sealed partial class MixpanelDeliveryPipeline
{
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
