using MixpanelSync.Events.Storage;
using MixpanelSync.GrainInterfaces.Delivery;
using MixpanelSync.GrainInterfaces.Integration;
using MixpanelSync.Grains.Delivery;
using MixpanelSync.Mixpanel;

namespace MixpanelSync.Grains.Integration;

internal sealed partial class BrandIntegrationGrain
{
    /// <summary>
    /// Reads pages up to the run's high-water mark, keeps up to
    /// <see cref="Hosting.MixpanelSyncOptions.MaxBatchesInFlight"/> batches in flight, and commits the position
    /// only over the contiguous prefix of finished batches.
    /// </summary>
    private async Task<RunEnd> PumpAsync(ActiveRun run, CancellationToken stopToken)
    {
        var destination = CreateDestination();
        var isBackfill = run.Trigger == SyncTrigger.Backfill;
        if (!isBackfill)
        {
            run.Position = Math.Max(run.Position, await store.GetCursorAsync(BrandId));
        }

        var window = new Queue<Segment>();
        var readPosition = run.Position;
        var failure = (RunEnd?)null;

        while (failure is null && !stopToken.IsCancellationRequested)
        {
            var page = await store.ReadPageAsync(BrandId, readPosition, run.HighWaterMark, Settings.PageSize);
            if (page.Count == 0)
            {
                break;
            }

            readPosition = page[^1].Sequence;
            foreach (var segment in await PrepareSegmentsAsync(run, page))
            {
                while (failure is null && window.Count(pending => pending.IsInFlight) >= Settings.MaxBatchesInFlight)
                {
                    await Task.WhenAny(window.Where(pending => pending.IsInFlight).Select(pending => pending.Send!));
                    failure = await SettleAsync(run, window, isBackfill);
                }

                if (failure is not null || stopToken.IsCancellationRequested)
                {
                    break;
                }

                if (segment.Batch is not null)
                {
                    segment.Send = GrainFactory.GetGrain<IBatchSenderGrain>(0).SendAsync(destination, segment.Batch);
                }

                window.Enqueue(segment);
            }

            failure ??= await SettleAsync(run, window, isBackfill);
            DelayDeactivation(TimeSpan.FromMinutes(5));
        }

        // Batches already handed to senders finish, so a stop or failure lands on a batch boundary.
        await Task.WhenAll(window.Where(pending => pending.Send is not null).Select(pending => (Task)pending.Send!));
        failure ??= await SettleAsync(run, window, isBackfill);

        if (failure is not null)
        {
            return failure.Value;
        }

        return stopToken.IsCancellationRequested
            ? new RunEnd(SyncOutcome.Cancelled, "The run was stopped.", CredentialsRejected: false)
            : Completed(run);
    }

    private static RunEnd Completed(ActiveRun run) => run.Counters.RejectedByReason.Count > 0
        ? new RunEnd(SyncOutcome.CompletedWithRejections, null, CredentialsRejected: false)
        : new RunEnd(SyncOutcome.Succeeded, null, CredentialsRejected: false);

    /// <summary>Commits the finished prefix of the window; returns the failure that stops the run, if any.</summary>
    private async Task<RunEnd?> SettleAsync(ActiveRun run, Queue<Segment> window, bool isBackfill)
    {
        var committed = run.Position;
        RunEnd? failure = null;

        while (window.TryPeek(out var segment) && segment.Send is not { IsCompleted: false })
        {
            if (segment.Send is not null)
            {
                var result = await segment.Send;
                if (result.Outcome != BatchOutcome.Delivered)
                {
                    failure = new RunEnd(
                        SyncOutcome.Failed,
                        result.Error,
                        result.Outcome == BatchOutcome.CredentialsRejected);
                    break;
                }

                await RecordDeliveryAsync(run, segment, result);
            }

            window.Dequeue();
            run.Counters.Add(segment.Counters);
            committed = segment.End;
        }

        if (committed > run.Position)
        {
            run.Position = isBackfill ? committed : await store.CommitCursorAsync(BrandId, committed);
            await SaveAsync();
        }

        return failure;
    }

    private async Task RecordDeliveryAsync(ActiveRun run, Segment segment, BatchDeliveryResult result)
    {
        segment.Counters.Imported += result.Imported;
        segment.Counters.Retries += result.Retries;
        segment.Counters.Bytes += result.BytesSent;
        if (result.Rejections.Count == 0)
        {
            return;
        }

        var rejected = new List<RejectedEvent>(result.Rejections.Count);
        foreach (var rejection in result.Rejections)
        {
            segment.Counters.AddRejection(rejection.Reason);
            if (segment.Events.TryGetValue(rejection.SourceKey, out var stored))
            {
                rejected.Add(new RejectedEvent(
                    stored.Sequence,
                    stored.Event,
                    rejection.Reason,
                    rejection.Field,
                    run.RunId));
            }
        }

        await store.AddDeadLettersAsync(BrandId, rejected);
    }

    /// <summary>Maps and checks one page, stores the rejected events, and cuts the rest into batches.</summary>
    private async Task<List<Segment>> PrepareSegmentsAsync(ActiveRun run, IReadOnlyList<StoredEvent> page)
    {
        var pageCounters = new RunCounters { Read = page.Count };
        var (valid, bySequence, rejected) = MapAndCheck(run, page, pageCounters);

        // NOTE: a run resumed after a crash reads this page again and stores its rejected events a second time.
        if (rejected.Count > 0)
        {
            await store.AddDeadLettersAsync(BrandId, rejected);
        }

        var segments = new List<Segment>();
        var batches = BatchEncoder.Encode(valid, Settings.MaxEventsPerBatch, Settings.MaxBatchBytes);
        foreach (var batch in batches)
        {
            var payload = new BatchPayload(
                BrandId,
                run.RunId,
                batch.GzippedBody,
                batch.UncompressedBytes,
                batch.SourceKeys);
            var events = batch.SourceKeys.ToDictionary(key => key, key => bySequence[key]);
            segments.Add(new Segment(
                batch.SourceKeys[^1],
                payload,
                events,
                new RunCounters { Sent = batch.SourceKeys.Length }));
        }

        if (segments.Count == 0)
        {
            segments.Add(new Segment(page[^1].Sequence, null, [], new RunCounters()));
        }

        // The page's own counts are committed with its last batch, which ends at the page's last sequence.
        var last = segments[^1];
        segments[^1] = last with { End = page[^1].Sequence };
        segments[^1].Counters.Add(pageCounters);
        return segments;
    }

    private (List<MixpanelEvent> Valid, Dictionary<long, StoredEvent> BySequence, List<RejectedEvent> Rejected)
        MapAndCheck(
            ActiveRun run,
            IEnumerable<StoredEvent> events,
            RunCounters counters)
    {
        var now = clock.Time.GetUtcNow();
        var valid = new List<MixpanelEvent>();
        var bySequence = new Dictionary<long, StoredEvent>();
        var rejected = new List<RejectedEvent>();

        foreach (var stored in events)
        {
            var occurredAt = stored.Event.OccurredAt;
            if (run.Trigger != SyncTrigger.Replay
                && (occurredAt < run.SendFrom || occurredAt >= (run.SendUntil ?? DateTimeOffset.MaxValue)
                    || run.Mapping.ExcludedEventTypes.Contains(stored.Event.Type)))
            {
                counters.Skipped++;
                continue;
            }

            var mapped = mapper.Map(BrandId, stored.Sequence, stored.Event, run.Mapping);
            if (eventCheck.Check(mapped, now) is { } failure)
            {
                counters.AddRejection(failure.Reason);
                rejected.Add(new RejectedEvent(
                    stored.Sequence,
                    stored.Event,
                    failure.Reason,
                    failure.Field,
                    run.RunId));
                continue;
            }

            valid.Add(mapped);
            bySequence[stored.Sequence] = stored;
        }

        return (valid, bySequence, rejected);
    }

    private sealed record Segment(
        long End,
        BatchPayload? Batch,
        Dictionary<long, StoredEvent> Events,
        RunCounters Counters)
    {
        public Task<BatchDeliveryResult>? Send { get; set; }

        public bool IsInFlight => Send is { IsCompleted: false };
    }
}
