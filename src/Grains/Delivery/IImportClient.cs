namespace MixpanelSync.Grains.Delivery;

/// <summary>Sends one gzipped NDJSON body to Mixpanel's /import API in strict mode, without retrying.</summary>
/// <remarks>
/// The batch sender retries by itself because every attempt first takes rate budget and every 429 must
/// reach the shared budget.
/// </remarks>
public interface IImportClient
{
    /// <summary>Sends the body once and classifies the response.</summary>
    Task<ImportAttempt> SendAsync(
        ImportCredentials credentials,
        ReadOnlyMemory<byte> gzippedBody,
        CancellationToken cancellationToken);
}
