using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Microsoft.Extensions.Options;
using MixpanelSync.GrainInterfaces.Budget;
using MixpanelSync.GrainInterfaces.Delivery;
using MixpanelSync.Grains.Hosting;

namespace MixpanelSync.Grains.Delivery;

/// <summary>
/// Sends one batch per call: takes rate budget, sends, and retries 429, 5xx and network errors with
/// exponential backoff and jitter.
/// </summary>
[StatelessWorker(MaxLocalWorkers)]
internal sealed class BatchSenderGrain(
    IImportClient importClient,
    SecretProtector protector,
    IOptions<MixpanelSyncOptions> options,
    SyncClock clock,
    ILogger<BatchSenderGrain> logger) : Grain, IBatchSenderGrain
{
    /// <summary>Senders per silo; Mixpanel recommends 10 to 20 concurrent requests per project.</summary>
    public const int MaxLocalWorkers = 16;

    public async Task<BatchDeliveryResult> SendAsync(MixpanelDestination destination, BatchPayload batch)
    {
        var settings = options.Value;
        var credentials = Decrypt(destination);
        var budget = GrainFactory.GetGrain<IRateBudgetGrain>(destination.ProjectKey);
        var retries = 0;
        var throttled = 0;
        long bytesSent = 0;
        string? lastError = null;

        for (var attempt = 1; attempt <= settings.MaxAttempts; attempt++)
        {
            await WaitForBudgetAsync(budget, batch);
            bytesSent += batch.UncompressedBytes;
            var result = await importClient.SendAsync(credentials, batch.GzippedBody, CancellationToken.None);

            switch (result.Status)
            {
                case ImportStatus.Imported:
                case ImportStatus.PartiallyRejected:
                    return Delivered(batch, result, retries, throttled, bytesSent);
                case ImportStatus.Unauthorized:
                    return new BatchDeliveryResult(
                        BatchOutcome.CredentialsRejected,
                        0,
                        [],
                        retries,
                        throttled,
                        bytesSent,
                        result.Error);
                case ImportStatus.TooLarge:
                    var tooLarge = batch.SourceKeys
                        .Select(key => new EventRejection(key, null, "request too large"))
                        .ToList();
                    return new BatchDeliveryResult(
                        BatchOutcome.Delivered,
                        0,
                        tooLarge,
                        retries,
                        throttled,
                        bytesSent,
                        result.Error);
                case ImportStatus.Throttled:
                    throttled++;
                    await budget.ReportThrottledAsync();
                    break;
            }

            lastError = result.Error;
            if (attempt < settings.MaxAttempts)
            {
                retries++;
                var delay = Backoff(settings, attempt);
                Log.BatchRetrying(
                    logger,
                    batch.BrandId,
                    batch.RunId,
                    result.StatusCode,
                    attempt,
                    (long)delay.TotalMilliseconds);
                await Task.Delay(delay, clock.Time);
            }
        }

        Log.BatchRetriesExhausted(logger, batch.BrandId, batch.RunId, batch.EventCount, lastError);
        return new BatchDeliveryResult(BatchOutcome.RetriesExhausted, 0, [], retries, throttled, bytesSent, lastError);
    }

    private ImportCredentials Decrypt(MixpanelDestination destination) => new(
        destination.Residency,
        protector.Unprotect(destination.ProtectedToken),
        destination.ServiceAccountUsername,
        destination.ProtectedServiceAccountSecret is null
            ? null
            : protector.Unprotect(destination.ProtectedServiceAccountSecret),
        destination.ProjectId);

    private async Task WaitForBudgetAsync(IRateBudgetGrain budget, BatchPayload batch)
    {
        while (true)
        {
            var grant = await budget.AcquireAsync(batch.UncompressedBytes, batch.EventCount);
            if (grant.Granted)
            {
                return;
            }

            await Task.Delay(grant.RetryAfter, clock.Time);
        }
    }

    private static BatchDeliveryResult Delivered(
        BatchPayload batch,
        ImportAttempt result,
        int retries,
        int throttled,
        long bytesSent)
    {
        var rejections = new List<EventRejection>(result.FailedRecords.Count);
        foreach (var failed in result.FailedRecords)
        {
            if (failed.Index >= 0 && failed.Index < batch.SourceKeys.Length)
            {
                rejections.Add(new EventRejection(batch.SourceKeys[failed.Index], failed.Field, failed.Message));
            }
        }

        return new BatchDeliveryResult(
            BatchOutcome.Delivered,
            result.Imported,
            rejections,
            retries,
            throttled,
            bytesSent,
            null);
    }

    private static TimeSpan Backoff(MixpanelSyncOptions settings, int attempt)
    {
        var exponential = settings.InitialBackoff * Math.Pow(2, attempt - 1);
        var capped = exponential < settings.MaxBackoff ? exponential : settings.MaxBackoff;
        return capped + settings.MaxJitter * Random.Shared.NextDouble();
    }
}
