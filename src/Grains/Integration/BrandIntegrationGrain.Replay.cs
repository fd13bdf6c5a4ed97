using MixpanelSync.Events.Storage;
using MixpanelSync.GrainInterfaces.Delivery;
using MixpanelSync.GrainInterfaces.Integration;
using MixpanelSync.Grains.Delivery;

namespace MixpanelSync.Grains.Integration;

internal sealed partial class BrandIntegrationGrain
{
    /// <summary>
    /// Sends pending dead letters again with the run's settings, one batch at a time. A dead letter is marked
    /// replayed once its event is imported or stored again as a new dead letter.
    /// </summary>
    private async Task<RunEnd> ReplayAsync(ActiveRun run, CancellationToken stopToken)
    {
        var destination = CreateDestination();
        var selected = run.ReplayIds.Count == 0 ? null : run.ReplayIds.ToHashSet();
        var afterId = 0L;

        while (!stopToken.IsCancellationRequested)
        {
            var letters = await store.ListDeadLettersAsync(
                BrandId,
                DeadLetterFilter.Pending,
                afterId,
                Settings.MaxEventsPerBatch);
            if (letters.Count == 0)
            {
                break;
            }

            afterId = letters[^1].Id;
            var chosen = letters.Where(letter => selected is null || selected.Contains(letter.Id)).ToList();
            if (chosen.Count == 0)
            {
                continue;
            }

            var failure = await ReplayLettersAsync(run, destination, chosen);
            await SaveAsync();
            if (failure is not null)
            {
                return failure.Value;
            }
        }

        return stopToken.IsCancellationRequested
            ? new RunEnd(SyncOutcome.Cancelled, "The run was stopped.", CredentialsRejected: false)
            : Completed(run);
    }

    private async Task<RunEnd?> ReplayLettersAsync(
        ActiveRun run,
        MixpanelDestination destination,
        List<DeadLetter> letters)
    {
        var counters = new RunCounters { Read = letters.Count };
        var events = letters
            .GroupBy(letter => letter.Sequence)
            .Select(group => new StoredEvent(group.Key, BrandId, group.First().Event, group.First().CreatedAt))
            .ToList();
        var (valid, bySequence, rejected) = MapAndCheck(run, events, counters);
        if (rejected.Count > 0)
        {
            await store.AddDeadLettersAsync(BrandId, rejected);
        }

        foreach (var batch in BatchEncoder.Encode(valid, Settings.MaxEventsPerBatch, Settings.MaxBatchBytes))
        {
            var payload = new BatchPayload(
                BrandId,
                run.RunId,
                batch.GzippedBody,
                batch.UncompressedBytes,
                batch.SourceKeys);
            var result = await GrainFactory.GetGrain<IBatchSenderGrain>(0).SendAsync(destination, payload);
            if (result.Outcome != BatchOutcome.Delivered)
            {
                return new RunEnd(SyncOutcome.Failed, result.Error, result.Outcome == BatchOutcome.CredentialsRejected);
            }

            var segment = new Segment(
                batch.SourceKeys[^1],
                payload,
                batch.SourceKeys.ToDictionary(key => key, key => bySequence[key]),
                counters);
            counters.Sent += batch.SourceKeys.Length;
            await RecordDeliveryAsync(run, segment, result);
        }

        await store.MarkDeadLettersReplayedAsync(BrandId, letters.Select(letter => letter.Id).ToList());
        run.Counters.Add(counters);
        return null;
    }
}
