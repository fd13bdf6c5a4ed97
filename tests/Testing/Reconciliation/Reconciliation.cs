using Xunit;

namespace MixpanelSync.Testing.Reconciliation;

/// <summary>
/// Checks a finished sync end to end: every valid source event reached Mixpanel's deduplicated view exactly
/// once, every invalid one is exactly one dead letter with a reason, and the run records' counts add up.
/// </summary>
public static class Reconciliation
{
    /// <summary>Asserts the reconciliation of one brand's sync.</summary>
    /// <param name="validInsertIds">The <c>$insert_id</c> of every source event that must reach Mixpanel.</param>
    /// <param name="invalidSequences">The store sequence of every source event that must be dead-lettered.</param>
    /// <param name="deduplicatedInsertIds">
    /// The <c>$insert_id</c> of every event in the emulator's deduplicated view.
    /// </param>
    /// <param name="deadLetters">Each dead letter's store sequence and reason.</param>
    /// <param name="importedCount">The sum of imported events over the run records.</param>
    /// <param name="rejectedCount">The sum of rejected events over the run records.</param>
    public static void AssertReconciled(
        IReadOnlyCollection<string> validInsertIds,
        IReadOnlyCollection<long> invalidSequences,
        IReadOnlyCollection<string> deduplicatedInsertIds,
        IReadOnlyCollection<(long Sequence, string Reason)> deadLetters,
        long importedCount,
        long rejectedCount)
    {
        var duplicates = deduplicatedInsertIds
            .GroupBy(id => id)
            .Where(group => group.Count() > 1)
            .Select(group => group.Key)
            .ToList();
        Assert.True(
            duplicates.Count == 0,
            $"{duplicates.Count} events appear more than once in the deduplicated view.");

        var missing = validInsertIds.Except(deduplicatedInsertIds).ToList();
        Assert.True(
            missing.Count == 0,
            $"{missing.Count} valid events are missing from Mixpanel, such as {missing.FirstOrDefault()}.");

        var unexpected = deduplicatedInsertIds.Except(validInsertIds).ToList();
        Assert.True(unexpected.Count == 0, $"{unexpected.Count} events reached Mixpanel that should not have.");

        AssertDeadLetteredOnce(invalidSequences, deadLetters);

        Assert.True(
            importedCount >= validInsertIds.Count,
            $"Run records count {importedCount} imported events for {validInsertIds.Count} valid ones.");
        Assert.Equal(invalidSequences.Count, rejectedCount);
    }

    /// <summary>
    /// Asserts that every invalid event is exactly one dead letter with a reason, and nothing else is.
    /// </summary>
    public static void AssertDeadLetteredOnce(
        IReadOnlyCollection<long> invalidSequences,
        IReadOnlyCollection<(long Sequence, string Reason)> deadLetters)
    {
        var repeated = deadLetters
            .GroupBy(letter => letter.Sequence)
            .Where(group => group.Count() > 1)
            .Select(group => group.Key)
            .ToList();
        Assert.True(
            repeated.Count == 0,
            $"{repeated.Count} events are stored as dead letters more than once, such as sequence "
            + $"{repeated.FirstOrDefault()}.");

        var deadLetterSequences = deadLetters.Select(letter => letter.Sequence).ToHashSet();
        var notDeadLettered = invalidSequences.Where(sequence => !deadLetterSequences.Contains(sequence)).ToList();
        Assert.True(notDeadLettered.Count == 0, $"{notDeadLettered.Count} invalid events are not dead letters.");

        var unexpected = deadLetterSequences.Except(invalidSequences).ToList();
        Assert.True(unexpected.Count == 0, $"{unexpected.Count} dead letters belong to events that are valid.");
        Assert.All(deadLetters, letter => Assert.False(string.IsNullOrWhiteSpace(letter.Reason)));
    }
}
