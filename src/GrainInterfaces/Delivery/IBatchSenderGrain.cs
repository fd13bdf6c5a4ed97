namespace MixpanelSync.GrainInterfaces.Delivery;

/// <summary>
/// Sends prepared batches to Mixpanel's /import API. Stateless: any silo may run any number of them, and the
/// project's <see cref="Budget.IRateBudgetGrain"/> paces them all.
/// </summary>
[Alias("mixpanel-sync.batch-sender")]
public interface IBatchSenderGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Sends one batch, waiting for rate budget before each attempt and retrying 429, 5xx and network
    /// errors with backoff. Returns once every event is imported or rejected, or retries ran out.
    /// </summary>
    /// <remarks>Retries can take several minutes, longer than Orleans' default 30-second response timeout.</remarks>
    [Alias("send")]
    [ResponseTimeout("00:30:00")]
    Task<BatchDeliveryResult> SendAsync(MixpanelDestination destination, BatchPayload batch);
}
