using MixpanelSync.GrainInterfaces.Delivery;

namespace MixpanelSync.Grains.Integration;

internal sealed partial class BrandIntegrationGrain
{
    /// <summary>
    /// Sends a batch through the batch sender, and sends it again when the call fails in the cluster rather than
    /// at Mixpanel, up to <see cref="Hosting.MixpanelSyncOptions.MaxBatchResends"/> times. The result's retries
    /// include the resends. When every resend fails too, the result is <see cref="BatchOutcome.RetriesExhausted"/>,
    /// so the run fails and is retried after the run backoff.
    /// </summary>
    private async Task<BatchDeliveryResult> SendBatchAsync(
        IBatchSenderGrain sender,
        MixpanelDestination destination,
        BatchPayload batch,
        CancellationToken abortToken)
    {
        var resends = 0;
        while (true)
        {
            try
            {
                var result = await sender.SendAsync(destination, batch, abortToken);
                return resends == 0 ? result : result with { Retries = result.Retries + resends };
            }
            catch (Exception exception) when (IsClusterFailure(exception) && !abortToken.IsCancellationRequested)
            {
                if (resends >= Settings.MaxBatchResends)
                {
                    return ClusterFailure(batch, resends, exception);
                }

                resends++;
                Log.BatchResent(logger, exception, BrandId, batch.RunId, batch.EventCount, resends,
                    Settings.MaxBatchResends);
            }

            // The first resend goes at once, because a grain whose silo the cluster has already marked dead
            // activates elsewhere. Later ones wait, doubling, until the cluster marks the silo dead.
            if (resends > 1)
            {
                var delay = Settings.BatchResendDelay * Math.Pow(2, resends - 2);
                await Task.Delay(delay, clock.Time, abortToken);
            }
        }
    }

    /// <summary>Returns the result of a batch that no resend could hand to a batch sender.</summary>
    private static BatchDeliveryResult ClusterFailure(BatchPayload batch, int resends, Exception exception) => new(
        BatchOutcome.RetriesExhausted,
        Imported: 0,
        Rejections: [],
        Retries: resends,
        Throttled: 0,
        BytesSent: 0,
        $"Sending a batch of {batch.EventCount} events failed in the cluster {resends + 1} times, the last time "
        + $"with {exception.GetType().Name}: {exception.Message}");

    /// <summary>
    /// Returns whether a grain call failed because a silo died or did not respond, so that the same call can
    /// succeed on another activation.
    /// </summary>
    private static bool IsClusterFailure(Exception exception) =>
        exception is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException;
}
