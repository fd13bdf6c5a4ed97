using MixpanelSync.Events.Storage;
using MixpanelSync.GrainInterfaces.Delivery;
using MixpanelSync.GrainInterfaces.Integration;

namespace MixpanelSync.Grains.Integration;

internal sealed partial class BrandIntegrationGrain
{
    /// <summary>
    /// Reads pages up to the run's high-water mark, keeps up to
    /// <see cref="Hosting.MixpanelSyncOptions.MaxBatchesInFlight"/> batches in flight, and commits the position
    /// only over the contiguous prefix of finished segments.
    /// </summary>
    private async Task<RunEnd> PumpAsync(ActiveRun run, CancellationToken stopToken, CancellationToken abortToken)
    {
        var destination = CreateDestination();
        var isBackfill = run.Trigger == SyncTrigger.Backfill;
        if (!isBackfill)
        {
            run.Position = Math.Max(run.Position, await store.GetCursorAsync(BrandId));
        }

        using var preparer = new RunPreparer(BrandId, run, validator, batchOptions.Value);
        var sender = GrainFactory.GetGrain<IBatchSenderGrain>(0);
        var window = new Queue<RunSegment>();
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
            foreach (var segment in preparer.Prepare(page))
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
                    segment.Send = SendBatchAsync(sender, destination, segment.Batch, abortToken);
                }

                window.Enqueue(segment);
            }

            failure ??= await SettleAsync(run, window, isBackfill);
            DelayDeactivation(TimeSpan.FromMinutes(5));
        }

        // Batches already handed to senders finish, so a stop or failure lands on a segment boundary. Their
        // failures surface when the segments settle.
        await Task.WhenAll(window.Where(pending => pending.Send is not null).Select(pending => (Task)pending.Send!))
            .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
        failure ??= await SettleAsync(run, window, isBackfill);

        if (failure is not null)
        {
            CountUnsettledRetries(run, window);
            return failure.Value;
        }

        if (stopToken.IsCancellationRequested)
        {
            return Stopped;
        }

        await PushProfilesAsync(run, abortToken);
        return Completed(run);
    }

    private static RunEnd Stopped => new(SyncOutcome.Cancelled, "The run was stopped.", CredentialsRejected: false);

    private static RunEnd Completed(ActiveRun run) => run.Counters.RejectedByReason.Count > 0
        ? new RunEnd(SyncOutcome.CompletedWithRejections, null, CredentialsRejected: false)
        : new RunEnd(SyncOutcome.Succeeded, null, CredentialsRejected: false);

    private static RunEnd NotDelivered(BatchDeliveryResult result) =>
        new(SyncOutcome.Failed, result.Error, result.Outcome == BatchOutcome.CredentialsRejected);

    /// <summary>Commits the finished prefix of the window; returns the failure that stops the run, if any.</summary>
    private async Task<RunEnd?> SettleAsync(ActiveRun run, Queue<RunSegment> window, bool isBackfill)
    {
        var settled = new List<RunSegment>();
        RunEnd? failure = null;

        while (window.TryPeek(out var segment) && !segment.IsInFlight)
        {
            if (segment.Send is { } send)
            {
                if (!send.IsCompletedSuccessfully && _abort?.IsCancellationRequested == true)
                {
                    // Cancelled by deactivation; the resumed run sends this batch again.
                    failure = Stopped;
                    break;
                }

                var result = await send;
                if (result.Outcome != BatchOutcome.Delivered)
                {
                    failure = NotDelivered(result);
                    break;
                }

                await AddDeliveryAsync(run, segment, result, ReadStoredEventAsync);
            }

            window.Dequeue();
            settled.Add(segment);
        }

        if (settled.Count > 0)
        {
            await CommitSegmentsAsync(run, settled, isBackfill);
        }

        return failure;
    }

    /// <summary>
    /// Adds the retries and resends of the batches that a failure left unsettled, the failed batch among them, to
    /// the run's counts. Their other counts stay out, because the run's retry sends those events again.
    /// </summary>
    private static void CountUnsettledRetries(ActiveRun run, Queue<RunSegment> window)
    {
        foreach (var segment in window)
        {
            if (segment.Send is { IsCompletedSuccessfully: true } send)
            {
                run.Counters.Retries += send.Result.Retries;
            }
        }
    }

    /// <summary>
    /// Adds a delivered batch's counts to its segment, and a dead letter for each event that Mixpanel rejected,
    /// with the event that <paramref name="findEvent"/> returns for its sequence.
    /// </summary>
    private static async Task AddDeliveryAsync(
        ActiveRun run,
        RunSegment segment,
        BatchDeliveryResult result,
        Func<long, Task<StoredEvent?>> findEvent)
    {
        segment.Counters.Imported += result.Imported;
        segment.Counters.Retries += result.Retries;
        segment.Counters.Bytes += result.BytesSent;
        foreach (var rejection in result.Rejections)
        {
            segment.Counters.AddRejection(rejection.Reason);
            var inBatch = segment.Batch is { } batch && Array.IndexOf(batch.SourceKeys, rejection.SourceKey) >= 0;
            if (inBatch && await findEvent(rejection.SourceKey) is { } stored)
            {
                segment.Rejected.Add(new(
                    stored.Sequence,
                    stored.Event,
                    rejection.Reason,
                    rejection.Field,
                    run.RunId,
                    rejection.Message));
            }
        }
    }

    /// <summary>
    /// Reads one stored event back from the store, or returns <see langword="null"/> when it was deleted since the
    /// run read it.
    /// </summary>
    /// <remarks>
    /// Segments keep only the sequences of their batch, not the events, because with up to MaxBatchesInFlight
    /// batches of 2000 events in flight the events took most of a backfill's managed heap. Mixpanel rejects few
    /// of the events that passed validation, so reading those again costs little.
    /// </remarks>
    private async Task<StoredEvent?> ReadStoredEventAsync(long sequence)
    {
        if (sequence < 1)
        {
            return null;
        }

        var page = await store.ReadPageAsync(BrandId, sequence - 1, sequence, maxCount: 1);
        return page.Count == 1 && page[0].Sequence == sequence ? page[0] : null;
    }

    /// <summary>
    /// Stores the segments' dead letters, then saves the run's counts and position, then moves the cursor, so a
    /// crash at any step resumes before the segments and stores no dead letter twice.
    /// </summary>
    private async Task CommitSegmentsAsync(ActiveRun run, List<RunSegment> settled, bool isBackfill)
    {
        ThrowIfRetired();
        var end = settled[^1].End;
        var rejected = settled.SelectMany(segment => segment.Rejected).ToList();
        var mark = State.DeadLetterMark;
        if (rejected.Count > 0)
        {
            // Every event up to the segments' end is now accounted for, whichever write stored its dead letter.
            var write = await AddDeadLettersOnceAsync(rejected, isAccounted: letter => letter.Sequence <= end);
            mark = write.Mark;
        }

        var counters = new RunCounters();
        foreach (var segment in settled)
        {
            counters.Add(segment.Counters);
        }

        run.Counters.Add(counters);
        run.Position = Math.Max(run.Position, end);
        State.DeadLetterMark = mark;
        await SaveAsync();
        if (!isBackfill || run.Position > run.BackfillCursor)
        {
            await store.CommitCursorAsync(BrandId, run.Position);
        }

        RecordMetrics(counters);
    }

    private void RecordMetrics(RunCounters counters)
    {
        metrics.EventsRead(counters.Read);
        metrics.EventsSkipped(counters.Skipped);
        metrics.EventsSent(counters.Sent);
        metrics.EventsImported(counters.Imported);
        foreach (var (reason, count) in counters.RejectedByReason)
        {
            metrics.EventsRejected(reason, count);
        }
    }

    private void ThrowIfRetired()
    {
        if (_retired)
        {
            throw new InvalidOperationException(
                $"Brand {BrandId}: the run outlived its activation's deactivation and stops without writing.");
        }
    }
}
