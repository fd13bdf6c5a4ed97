using MixpanelSync.Events.Storage;
using MixpanelSync.GrainInterfaces.Delivery;

namespace MixpanelSync.Grains.Integration;

/// <summary>
/// A contiguous range of store sequences up to <see cref="End"/>: at most one batch of its valid events, the
/// events that validation rejected, and the range's counts. A run commits segments in order, and only once a
/// segment's batch is delivered and its dead letters are stored does the run's position pass <see cref="End"/>.
/// </summary>
internal sealed class RunSegment
{
    /// <summary>The last sequence of the range.</summary>
    public long End { get; set; }

    /// <summary>The batch of the range's valid events, or <see langword="null"/> when none is valid.</summary>
    public BatchPayload? Batch { get; set; }

    /// <summary>Events rejected by validation, and once delivered, by Mixpanel.</summary>
    public List<RejectedEvent> Rejected { get; } = [];

    public RunCounters Counters { get; } = new();

    /// <summary>The call that sends <see cref="Batch"/>, once started.</summary>
    public Task<BatchDeliveryResult>? Send { get; set; }

    public bool IsInFlight => Send is { IsCompleted: false };
}
