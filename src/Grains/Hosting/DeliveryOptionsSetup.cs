using Microsoft.Extensions.Options;
using MixpanelSync.Mixpanel;

namespace MixpanelSync.Grains.Hosting;

/// <summary>
/// Configures the delivery library from the <c>MixpanelSync</c> section, so that the host and its operators keep
/// one set of settings: base addresses, batch limits, attempts, backoff and request timeout.
/// </summary>
internal sealed class DeliveryOptionsSetup(IOptions<MixpanelSyncOptions> syncOptions)
    : IConfigureOptions<MixpanelEndpointOptions>,
      IConfigureOptions<MixpanelDeliveryOptions>,
      IConfigureOptions<MixpanelBatchOptions>
{
    private MixpanelSyncOptions Sync => syncOptions.Value;

    public void Configure(MixpanelEndpointOptions options)
    {
        options.UsBaseAddress = Sync.UsBaseAddress;
        options.EuBaseAddress = Sync.EuBaseAddress;
        options.InBaseAddress = Sync.IndiaBaseAddress;
    }

    public void Configure(MixpanelDeliveryOptions options)
    {
        options.Endpoint = MixpanelIngestionEndpoint.Import;
        options.MaxAttempts = Sync.MaxAttempts;
        options.InitialRetryDelay = Sync.InitialBackoff;
        options.MaxRetryDelay = Sync.MaxBackoff;
        options.MinRetryJitter = Sync.MinJitter < Sync.MaxJitter ? Sync.MinJitter : Sync.MaxJitter;
        options.MaxRetryJitter = Sync.MaxJitter;
        options.AttemptTimeout = Sync.RequestTimeout;
    }

    public void Configure(MixpanelBatchOptions options)
    {
        options.MaxEventsPerBatch = Sync.MaxEventsPerBatch;
        options.MaxBatchBytes = Sync.MaxBatchBytes;
    }
}
