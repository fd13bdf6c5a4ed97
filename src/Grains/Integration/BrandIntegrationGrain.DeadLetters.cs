using MixpanelSync.Events.Storage;

namespace MixpanelSync.Grains.Integration;

internal sealed partial class BrandIntegrationGrain
{
    private const int DeadLetterPageSize = 1000;

    /// <summary>
    /// Stores rejected events as dead letters unless an earlier write already stored them, and returns the value
    /// that <see cref="IntegrationState.DeadLetterMark"/> may take once the caller has saved the progress these
    /// letters belong to.
    /// </summary>
    /// <remarks>
    /// A crash between storing dead letters and saving the run's progress leaves letters above the mark whose
    /// events the resumed run reads again. Their sequence numbers identify those events, so they are not stored a
    /// second time. The mark moves past them only once <paramref name="isAccounted"/> returns true for each of them,
    /// because saved progress covers them.
    /// </remarks>
    private async Task<long> AddDeadLettersOnceAsync(
        IReadOnlyList<RejectedEvent> rejected,
        Func<DeadLetter, bool> isAccounted)
    {
        var unconfirmed = await ListDeadLettersAboveMarkAsync();
        var alreadyStored = unconfirmed.Select(letter => letter.Sequence).ToHashSet();
        var fresh = rejected.Where(item => !alreadyStored.Contains(item.Sequence)).ToList();
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

        return unconfirmed.All(isAccounted)
            ? Math.Max(State.DeadLetterMark, highestId)
            : State.DeadLetterMark;
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
}
