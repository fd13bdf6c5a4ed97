using MixpanelSync.Events;
using MixpanelSync.Events.Mapping;
using MixpanelSync.Events.Schema;
using MixpanelSync.Events.Storage;
using MixpanelSync.GrainInterfaces.Integration;
using MixpanelSync.Grains.Delivery;
using MixpanelSync.Grains.Mapping;
using MixpanelSync.Mixpanel;

namespace MixpanelSync.Grains.Integration;

/// <summary>
/// Maps stored events with the run's settings, validates them and packs the valid ones into batches, cutting
/// the events into <see cref="RunSegment"/>s. Not thread-safe; one per run.
/// </summary>
internal sealed class RunPreparer : IDisposable
{
    private readonly string _brandId;
    private readonly string _runId;
    private readonly BrandMappingSettings _settings;
    private readonly bool _includeContext;
    private readonly DateTimeOffset _sendFrom;
    private readonly DateTimeOffset _sendUntil;
    private readonly long _backfillCursor;
    private readonly BatchBuilder _builder;

    public RunPreparer(
        string brandId,
        ActiveRun run,
        MixpanelEventValidator validator,
        MixpanelBatchOptions batchOptions)
    {
        _brandId = brandId;
        _runId = run.RunId;
        _settings = MappingConversion.ToBrandSettings(run.Mapping);
        _includeContext = run.Mapping.IncludeContext;

        // Replays send rejected events again whenever they happened.
        var isReplay = run.Trigger == SyncTrigger.Replay;
        _sendFrom = isReplay ? DateTimeOffset.MinValue : run.SendFrom;
        _sendUntil = isReplay ? DateTimeOffset.MaxValue : run.SendUntil ?? DateTimeOffset.MaxValue;
        _backfillCursor = run.Trigger == SyncTrigger.Backfill ? run.BackfillCursor : long.MaxValue;
        _builder = new BatchBuilder(validator, batchOptions);
    }

    /// <summary>Cuts events, in sequence order, into segments; the last one ends at the last event.</summary>
    public List<RunSegment> Prepare(IReadOnlyList<StoredEvent> events)
    {
        var segments = new List<RunSegment>();
        var current = new RunSegment();
        foreach (var stored in events)
        {
            current = Add(stored, current, segments);
        }

        if (_builder.Flush() is { } last)
        {
            current.Batch = BatchPayloads.FromPrepared(_brandId, _runId, last);
        }

        if (current.Counters.Read > 0)
        {
            segments.Add(current);
        }

        return segments;
    }

    /// <summary>Adds one event; returns the segment that the next event goes to.</summary>
    private RunSegment Add(StoredEvent stored, RunSegment current, List<RunSegment> segments)
    {
        var occurredAt = stored.Event.OccurredAt;
        var sendUntil = stored.Sequence <= _backfillCursor ? _sendUntil : DateTimeOffset.MaxValue;
        if (occurredAt < _sendFrom || occurredAt >= sendUntil)
        {
            return Count(stored, current, skipped: true);
        }

        if (EventSchema.Find(stored.Event.Type) is null)
        {
            Reject(current, stored, RejectionReasons.UnknownEventType, "event", UnknownTypeMessage(stored));
            return Count(stored, current, skipped: false);
        }

        var source = _includeContext ? stored.Event : stored.Event with { Context = BrandEventContext.Empty };
        if (BrandEventMapper.Map(_brandId, source, _settings, stored.Sequence) is not { } mapped)
        {
            return Count(stored, current, skipped: true);
        }

        var append = _builder.Append(mapped);
        if (append.CompletedBatch is { } completed)
        {
            // The sealed batch contains the events before this one, which opens the next segment.
            current.Batch = BatchPayloads.FromPrepared(_brandId, _runId, completed);
            segments.Add(current);
            current = new RunSegment();
        }

        if (append.Validation.Rejection is { } rejection)
        {
            Reject(current, stored, RejectionReasons.Of(rejection.Code), rejection.Field, rejection.Message);
        }
        else
        {
            current.Counters.Sent++;
        }

        return Count(stored, current, skipped: false);
    }

    private void Reject(RunSegment segment, StoredEvent stored, string reason, string? field, string? message)
    {
        segment.Rejected.Add(new RejectedEvent(stored.Sequence, stored.Event, reason, field, _runId, message));
        segment.Counters.AddRejection(reason);
    }

    private static string UnknownTypeMessage(StoredEvent stored) =>
        $"The event type '{stored.Event.Type}' is not in the event schema, so it cannot be mapped.";

    private static RunSegment Count(StoredEvent stored, RunSegment segment, bool skipped)
    {
        segment.Counters.Read++;
        if (skipped)
        {
            segment.Counters.Skipped++;
        }

        segment.End = stored.Sequence;
        return segment;
    }

    public void Dispose() => _builder.Dispose();
}
