using MixpanelSync.Events.Storage;
using MixpanelSync.GrainInterfaces.Delivery;

namespace MixpanelSync.Grains.Integration;

internal sealed partial class BrandIntegrationGrain
{
    /// <summary>
    /// Maps, validates and sends pending dead letters again with the run's settings, one chunk at a time. A
    /// dead letter is marked replayed once its event is imported or stored again as a new dead letter.
    /// </summary>
    /// <remarks>
    /// A replay skips the dead letters it stores itself. An event rejected again while a pending dead letter above
    /// <see cref="IntegrationState.DeadLetterMark"/> already represents it, because a crash cut short an earlier
    /// write, keeps that dead letter pending instead of getting a new one.
    /// </remarks>
    private async Task<RunEnd> ReplayAsync(ActiveRun run, CancellationToken stopToken, CancellationToken abortToken)
    {
        var destination = CreateDestination();
        var selected = run.ReplayIds.Count == 0 ? null : run.ReplayIds.ToHashSet();
        using var preparer = new RunPreparer(BrandId, run, validator, batchOptions.Value);

        while (!stopToken.IsCancellationRequested)
        {
            if (selected is not null && run.ReplayAfterId >= selected.Max())
            {
                break;
            }

            var letters = await store.ListDeadLettersAsync(
                BrandId,
                DeadLetterFilter.Pending,
                run.ReplayAfterId,
                Settings.MaxEventsPerBatch);
            if (letters.Count == 0)
            {
                break;
            }

            var chosen = letters
                .Where(letter => letter.RunId != run.RunId)
                .Where(letter => selected is null || selected.Contains(letter.Id))
                .ToList();
            var failure = await ReplayLettersAsync(run, preparer, destination, chosen, letters[^1].Id, abortToken);
            if (failure is not null)
            {
                return failure.Value;
            }
        }

        return stopToken.IsCancellationRequested ? Stopped : Completed(run);
    }

    private async Task<RunEnd?> ReplayLettersAsync(
        ActiveRun run,
        RunPreparer preparer,
        MixpanelDestination destination,
        List<DeadLetter> letters,
        long lastListedId,
        CancellationToken abortToken)
    {
        var events = letters
            .GroupBy(letter => letter.Sequence)
            .Select(group => new StoredEvent(group.Key, BrandId, group.First().Event, group.First().CreatedAt))
            .OrderBy(stored => stored.Sequence)
            .ToList();
        var segments = preparer.Prepare(events);

        // Replayed events come from their dead letters, because retention may have deleted the stored events since.
        var eventsBySequence = events.ToDictionary(stored => stored.Sequence);
        Task<StoredEvent?> FindEvent(long sequence) => Task.FromResult(eventsBySequence.GetValueOrDefault(sequence));
        var sender = GrainFactory.GetGrain<IBatchSenderGrain>(0);
        foreach (var segment in segments.Where(segment => segment.Batch is not null))
        {
            var result = await SendBatchAsync(sender, destination, segment.Batch!, abortToken);
            if (result.Outcome != BatchOutcome.Delivered)
            {
                return NotDelivered(result);
            }

            await AddDeliveryAsync(run, segment, result, FindEvent);
        }

        await CommitReplayAsync(run, segments, letters, lastListedId);
        return null;
    }

    /// <summary>
    /// Stores the chunk's new dead letters, then marks the replayed ones, then saves the run's counts and
    /// position. A crash before the marks replays the chunk again, and its new dead letters are not stored twice.
    /// </summary>
    private async Task CommitReplayAsync(
        ActiveRun run,
        List<RunSegment> segments,
        List<DeadLetter> letters,
        long lastListedId)
    {
        ThrowIfRetired();
        var rejected = segments.SelectMany(segment => segment.Rejected).ToList();
        var mark = State.DeadLetterMark;
        IReadOnlySet<long> reusedIds = new HashSet<long>();
        if (rejected.Count > 0)
        {
            var chunk = letters.Select(letter => letter.Sequence).ToHashSet();
            var write = await AddDeadLettersOnceAsync(
                rejected,
                isAccounted: letter => letter.RunId == run.RunId || chunk.Contains(letter.Sequence));
            mark = write.Mark;
            reusedIds = write.ReusedIds;
        }

        var replayedIds = letters.Select(letter => letter.Id).Where(id => !reusedIds.Contains(id)).ToList();
        if (replayedIds.Count > 0)
        {
            await store.MarkDeadLettersReplayedAsync(BrandId, replayedIds);
        }

        var counters = new RunCounters();
        foreach (var segment in segments)
        {
            counters.Add(segment.Counters);
        }

        run.Counters.Add(counters);
        run.ReplayAfterId = Math.Max(run.ReplayAfterId, lastListedId);
        State.DeadLetterMark = mark;
        await SaveAsync();
        RecordMetrics(counters);
    }
}
