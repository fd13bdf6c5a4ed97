namespace MixpanelSync.GrainInterfaces.Delivery;

/// <summary>The outcome of sending one batch, retries included.</summary>
/// <param name="Outcome">How sending ended.</param>
/// <param name="Imported">Events Mixpanel reported as imported.</param>
/// <param name="Rejections">Events Mixpanel rejected, with its reasons.</param>
/// <param name="Retries">
/// Requests beyond the first: retries after a retryable failure and the extra halves of a batch split after 413.
/// </param>
/// <param name="Throttled">Responses with status 429.</param>
/// <param name="BytesSent">
/// Uncompressed bytes sent over all attempts; an estimate when a 413 response split the batch.
/// </param>
/// <param name="Error">The last error when the outcome is not <see cref="BatchOutcome.Delivered"/>.</param>
[GenerateSerializer]
[Alias("mixpanel-sync.batch-delivery-result")]
public sealed record BatchDeliveryResult(
    [property: Id(0)] BatchOutcome Outcome,
    [property: Id(1)] int Imported,
    [property: Id(2)] IReadOnlyList<EventRejection> Rejections,
    [property: Id(3)] int Retries,
    [property: Id(4)] int Throttled,
    [property: Id(5)] long BytesSent,
    [property: Id(6)] string? Error);
