using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MixpanelSync.Mixpanel;

/// <summary>
/// Streams events to one Mixpanel project: validates and batches them, keeps up to
/// <see cref="MixpanelDeliveryOptions.MaxConcurrentRequests"/> requests in flight (fewer while Mixpanel responds with
/// 429), and reports every event's outcome exactly once unless the run is cancelled. Memory stays bounded by the
/// batches in flight plus the one being built. A credential failure stops the run, and no further events are read.
/// </summary>
/// <example>
/// <code>
/// var summary = await pipeline.RunAsync(
///     target,
///     MixpanelFileReader.ReadAsync(stream),
///     (outcomes, ct) => { store.Record(outcomes); return ValueTask.CompletedTask; },
///     cancellationToken);
/// </code>
/// </example>
public sealed partial class MixpanelDeliveryPipeline
{
    private const int RejectionChunkSize = 512;

    private readonly MixpanelIngestionClient _client;
    private readonly MixpanelEventValidator _validator;
    private readonly MixpanelBatchOptions _batchOptions;
    private readonly MixpanelDeliveryOptions _deliveryOptions;
    private readonly ILogger _logger;
    private readonly MixpanelMetrics _metrics;

    internal MixpanelDeliveryPipeline(
        MixpanelIngestionClient client,
        MixpanelEventValidator validator,
        IOptions<MixpanelBatchOptions> batchOptions,
        IOptions<MixpanelDeliveryOptions> deliveryOptions,
        ILogger<MixpanelDeliveryPipeline> logger,
        MixpanelMetrics metrics)
    {
        _client = client;
        _validator = validator;
        _batchOptions = batchOptions.Value;
        _deliveryOptions = deliveryOptions.Value;
        _logger = logger;
        _metrics = metrics;
    }

    /// <summary>Sends the events and passes their outcomes to the callback.</summary>
    /// <param name="target">The project's residency and credentials.</param>
    /// <param name="events">The events, read once and in order.</param>
    /// <param name="onOutcomes">Receives every event's outcome exactly once; its calls never overlap.</param>
    /// <param name="cancellationToken">Stops reading and sending; the call then throws.</param>
    public Task<DeliverySummary> RunAsync(
        MixpanelTarget target,
        IAsyncEnumerable<MixpanelEvent> events,
        Func<IReadOnlyList<EventOutcome>, CancellationToken, ValueTask> onOutcomes,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onOutcomes);
        return RunAsync(target, events, new DelegateOutcomeSink(onOutcomes), cancellationToken);
    }

    /// <summary>Sends the events and passes their outcomes to the sink.</summary>
    /// <param name="target">The project's residency and credentials.</param>
    /// <param name="events">The events, read once and in order.</param>
    /// <param name="sink">Receives every event's outcome exactly once; its calls never overlap.</param>
    /// <param name="cancellationToken">Stops reading and sending; the call then throws.</param>
    /// <returns>The totals of the run.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public async Task<DeliverySummary> RunAsync(
        MixpanelTarget target,
        IAsyncEnumerable<MixpanelEvent> events,
        IDeliveryOutcomeSink sink,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(sink);

        var run = new DeliveryRun(this, target, sink, cancellationToken);
        Log.RunStarted(_logger, run.Description, _deliveryOptions.MaxConcurrentRequests);
        var summary = await run.ExecuteAsync(events);
        if (summary.StoppedOnCredentials)
        {
            Log.RunStoppedOnCredentials(_logger, run.Description, summary.FailedCount);
        }

        Log.RunFinished(
            _logger,
            run.Description,
            summary.ImportedCount,
            summary.RejectedCount,
            summary.FailedCount,
            summary.Batches);
        return summary;
    }
}
