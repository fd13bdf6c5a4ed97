namespace MixpanelSync.GrainInterfaces.Delivery;

/// <summary>
/// Sends prepared batches to Mixpanel's /import API. Stateless: any silo may run any number of them, and the
/// project's <see cref="Budget.IRateBudgetGrain"/> paces them all.
/// </summary>
[Alias("mixpanel-sync.batch-sender")]
public interface IBatchSenderGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Sends one batch once the project's rate budget allows, retrying 408, 429, 5xx and network errors with
    /// backoff and splitting it when Mixpanel returns 413. Returns once every event is imported or rejected, or
    /// retries ran out.
    /// </summary>
    /// <param name="destination">The project and its encrypted credentials.</param>
    /// <param name="batch">The body and the events it carries.</param>
    /// <param name="cancellationToken">
    /// Stops waiting and sending; the call then throws <see cref="OperationCanceledException"/> and some events may
    /// have been imported, which a resend of the same body deduplicates.
    /// </param>
    /// <remarks>Retries can take several minutes, longer than Orleans' default 30-second response timeout.</remarks>
    [Alias("send")]
    [ResponseTimeout("00:30:00")]
    Task<BatchDeliveryResult> SendAsync(
        MixpanelDestination destination,
        BatchPayload batch,
        CancellationToken cancellationToken = default);
}
