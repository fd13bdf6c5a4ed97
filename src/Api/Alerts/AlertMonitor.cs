using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using MixpanelSync.Api.Hosting;
using MixpanelSync.Api.Http;
using MixpanelSync.GrainInterfaces.Integration;

namespace MixpanelSync.Api.Alerts;

/// <summary>
/// Detects brands entering or leaving the error and degraded states and queues an alert for each change. The
/// endpoints report every status they see, and <see cref="AlertPoller"/> checks the brands that used the API
/// recently, because runs change the state in the background.
/// </summary>
internal sealed class AlertMonitor(
    IGrainFactory grains,
    IOptions<ApiOptions> options,
    TimeProvider time,
    ILogger<AlertMonitor> logger)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastActivity = new(StringComparer.Ordinal);
    private readonly Channel<AlertMessage> _queue = Channel.CreateBounded<AlertMessage>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });

    /// <summary>Whether alerts are configured; without a webhook nothing is watched or queued.</summary>
    public bool IsEnabled => options.Value.AlertWebhookUrl is not null;

    /// <summary>The alerts waiting to be sent.</summary>
    public ChannelReader<AlertMessage> Queue => _queue.Reader;

    /// <summary>Marks a brand as active, so that the poller checks its state for the watch period.</summary>
    public void Watch(string brandId)
    {
        if (IsEnabled)
        {
            _lastActivity[brandId] = time.GetUtcNow();
        }
    }

    /// <summary>Returns the brands active within the watch period and forgets the others.</summary>
    public IReadOnlyList<string> TakeWatchedBrands()
    {
        var oldest = time.GetUtcNow() - options.Value.AlertWatchPeriod;
        foreach (var (brandId, lastActivity) in _lastActivity)
        {
            if (lastActivity < oldest)
            {
                _lastActivity.TryRemove(new KeyValuePair<string, DateTimeOffset>(brandId, lastActivity));
            }
        }

        return [.. _lastActivity.Keys];
    }

    /// <summary>Reads a brand's status and reports it.</summary>
    public async Task CheckAsync(string brandId)
    {
        var status = await grains.GetGrain<IBrandIntegrationGrain>(brandId).GetStatusAsync();
        await ObserveAsync(status);
    }

    /// <summary>Compares a status with the last alerted state and queues an alert when it changed.</summary>
    public async Task ObserveAsync(IntegrationStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (!IsEnabled)
        {
            return;
        }

        var transition = await grains.GetGrain<IBrandAlertGrain>(status.BrandId)
            .ObserveAsync(status.State, status.StateReason, time.GetUtcNow());
        if (transition is null)
        {
            return;
        }

        var message = new AlertMessage(
            status.BrandId,
            ApiText.Of(transition.Kind),
            ApiText.Of(transition.State),
            ApiText.Of(transition.PreviousState),
            transition.Reason,
            transition.ObservedAt);
        Log.AlertQueued(logger, status.BrandId, message.Alert, message.State);
        _queue.Writer.TryWrite(message);
    }

    /// <summary>Reports a status, logging instead of failing when the alert state cannot be read.</summary>
    public async Task TryObserveAsync(IntegrationStatus status)
    {
        try
        {
            await ObserveAsync(status);
        }
        catch (Exception exception) when (exception is OrleansException or TimeoutException)
        {
            Log.ObserveFailed(logger, exception, status.BrandId);
        }
    }
}
