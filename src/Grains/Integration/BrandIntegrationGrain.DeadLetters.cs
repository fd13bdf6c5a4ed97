using MixpanelSync.Events.Storage;

namespace MixpanelSync.Grains.Integration;

internal sealed partial class BrandIntegrationGrain
{
    private const int DeadLetterPageSize = 1000;

    /// <summary>
    /// Stores rejected events as dead letters unless a pending dead letter above
    /// <see cref="IntegrationState.DeadLetterMark"/> already represents the same event.
    /// </summary>
    /// <remarks>
    /// A crash between storing dead letters and saving the run's progress leaves letters above the mark whose
    /// events the resumed run reads again. Their sequence numbers identify those events, so they are not stored a
    /// second time. The mark moves past them only once <paramref name="isAccounted"/> returns true for each of
    /// them, because saved progress covers them.
    /// </remarks>
    private async Task<DeadLetterWrite> AddDeadLettersOnceAsync(
        IReadOnlyList<RejectedEvent> rejected,
        Func<DeadLetter, bool> isAccounted)
    {
        var unconfirmed = await ListDeadLettersAboveMarkAsync();
        var pendingBySequence = unconfirmed
            .Where(letter => letter.ReplayedAt is null)
            .ToLookup(letter => letter.Sequence, letter => letter.Id);
        var reusedIds = new HashSet<long>();
        var fresh = new List<RejectedEvent>(rejected.Count);
        foreach (var item in rejected)
        {
            if (pendingBySequence.Contains(item.Sequence))
            {
                reusedIds.UnionWith(pendingBySequence[item.Sequence]);
            }
            else
            {
                fresh.Add(item);
            }
        }

        if (fresh.Count < rejected.Count)
        {
            Log.DeadLettersAlreadyStored(logger, BrandId, rejected.Count - fresh.Count);
        }

        var highestId = unconfirmed.Count > 0 ? unconfirmed[^1].Id : 0;
        if (fresh.Count > 0)
        {
            var ids = await store.AddDeadLettersAsync(BrandId, fresh);
            highestId = Math.Max(highestId, ids.Max());
        }

        var mark = unconfirmed.All(isAccounted) ? Math.Max(State.DeadLetterMark, highestId) : State.DeadLetterMark;
        return new DeadLetterWrite(mark, reusedIds);
    }

    private async Task<List<DeadLetter>> ListDeadLettersAboveMarkAsync()
    {
        var letters = new List<DeadLetter>();
        var afterId = State.DeadLetterMark;
        while (true)
        {
            var page = await store.ListDeadLettersAsync(
                BrandId,
                DeadLetterFilter.All,
                afterId,
                DeadLetterPageSize);
            letters.AddRange(page);
            if (page.Count < DeadLetterPageSize)
            {
                return letters;
            }

            afterId = page[^1].Id;
        }
    }

    /// <summary>The outcome of <see cref="AddDeadLettersOnceAsync"/>.</summary>
    /// <param name="Mark">
    /// The value <see cref="IntegrationState.DeadLetterMark"/> may take once the caller has saved the progress
    /// these dead letters belong to.
    /// </param>
    /// <param name="ReusedIds">The pending dead letters that represent rejected events instead of new ones.</param>
    private sealed record DeadLetterWrite(long Mark, IReadOnlySet<long> ReusedIds);
}
