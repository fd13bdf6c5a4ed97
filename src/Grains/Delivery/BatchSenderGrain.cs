using Microsoft.Extensions.Logging;
using MixpanelSync.GrainInterfaces.Budget;
using MixpanelSync.GrainInterfaces.Delivery;
using MixpanelSync.Grains.Hosting;
using MixpanelSync.Grains.Mapping;
using MixpanelSync.Mixpanel;
using Orleans.Concurrency;

namespace MixpanelSync.Grains.Delivery;

/// <summary>
/// Sends one batch per call: takes rate budget, then hands the batch to <see cref="MixpanelIngestionClient"/>,
/// whose retry pipeline retries 408, 429, 5xx and network errors and splits the batch on 413.
/// </summary>
[StatelessWorker(MaxLocalWorkers)]
internal sealed class BatchSenderGrain(
    MixpanelIngestionClient client,
    SecretProtector protector,
    SyncClock clock,
    ILogger<BatchSenderGrain> logger) : Grain, IBatchSenderGrain
{
    /// <summary>Senders per silo; Mixpanel recommends 10 to 20 concurrent requests per project.</summary>
    public const int MaxLocalWorkers = 16;

    public async Task<BatchDeliveryResult> SendAsync(
        MixpanelDestination destination,
        BatchPayload batch,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(batch);
        var target = DeliveryTargets.Create(destination, protector);
        var prepared = BatchPayloads.ToPrepared(batch);
        var budget = GrainFactory.GetGrain<IRateBudgetGrain>(destination.ProjectKey);

        var grant = await WaitForBudgetAsync(budget, batch, cancellationToken);
        BatchResult result;
        try
        {
            result = await client.SendAsync(target, prepared, cancellationToken);
        }
        finally
        {
            // The grant counts for one more window from now, because Mixpanel may have counted the last attempt.
            await budget.ReleaseAsync(grant.GrantId);
        }

        if (result.RateLimitedResponses > 0)
        {
            Log.BatchThrottled(logger, batch.BrandId, batch.RunId, result.RateLimitedResponses);
            await budget.ReportThrottledAsync();
        }

        return ToDeliveryResult(batch, result);
    }

    private async Task<BudgetGrant> WaitForBudgetAsync(
        IRateBudgetGrain budget,
        BatchPayload batch,
        CancellationToken cancellationToken)
    {
        while (true)
        {
            var grant = await budget.AcquireAsync(batch.UncompressedBytes, batch.EventCount);
            if (grant.Granted)
            {
                return grant;
            }

            Log.WaitingForBudget(logger, batch.BrandId, batch.RunId, (long)grant.RetryAfter.TotalMilliseconds);
            await Task.Delay(grant.RetryAfter, clock.Time, cancellationToken);
        }
    }

    private BatchDeliveryResult ToDeliveryResult(BatchPayload batch, BatchResult result)
    {
        var rejections = new List<EventRejection>(result.RejectedCount);
        foreach (var outcome in result.Outcomes)
        {
            if (outcome.Status == EventOutcomeStatus.Rejected)
            {
                rejections.Add(new EventRejection(
                    outcome.SourceKey,
                    outcome.Field,
                    RejectionReasons.Of(outcome),
                    outcome.Message));
            }
        }

        var outcomeOfBatch = result.Status switch
        {
            BatchStatus.Completed => BatchOutcome.Delivered,
            BatchStatus.CredentialsRejected => BatchOutcome.CredentialsRejected,
            BatchStatus.UnexpectedResponse => BatchOutcome.UnexpectedResponse,
            _ => BatchOutcome.RetriesExhausted,
        };
        if (outcomeOfBatch != BatchOutcome.Delivered)
        {
            Log.BatchNotDelivered(logger, batch.BrandId, batch.RunId, batch.EventCount, outcomeOfBatch, result.Error);
        }

        return new BatchDeliveryResult(
            outcomeOfBatch,
            result.ImportedCount,
            rejections,
            Math.Max(0, result.Requests - 1),
            result.RateLimitedResponses,
            batch.UncompressedBytes * Math.Max(1, result.Requests),
            outcomeOfBatch == BatchOutcome.Delivered ? null : result.Error);
    }
}
