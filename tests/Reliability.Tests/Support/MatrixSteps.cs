using MixpanelSync.GrainInterfaces.Integration;
using MixpanelSync.Grains.Tests.Support;
using MixpanelSync.MixpanelEmulator;
using MixpanelSync.Testing.Reconciliation;

namespace MixpanelSync.Reliability.Tests.Support;

/// <summary>
/// Steps of the fault matrix on top of <see cref="SyncScenario"/>: syncing until a brand has caught up, and the
/// exact reconciliation of the emulator's deduplicated view, the dead letters and the run records.
/// </summary>
internal sealed class MatrixSteps(ReliabilityClusterFixture fixture)
{
    /// <summary>The rejection reasons that Mixpanel gives, as opposed to the service's own validation.</summary>
    private static readonly string[] MixpanelReasons = ["rejected by Mixpanel", "too large for a request"];

    public SyncScenario Scenario { get; } = new(fixture);

    /// <summary>
    /// Starts runs until one ends without failing, and returns the status after it. A failed run is followed by
    /// another at once, as its retry would be, instead of waiting for the reminder.
    /// </summary>
    public static async Task<IntegrationStatus> SyncUntilDoneAsync(IBrandIntegrationGrain brand, int maxRuns = 20)
    {
        for (var run = 1; ; run++)
        {
            var status = await brand.GetStatusAsync();
            if (status.CurrentRun is null)
            {
                var started = await brand.SyncNowAsync();
                Assert.True(started.Started, $"Run {run} did not start: {started.Message}");
            }

            status = await SyncScenario.WaitForRunAsync(brand, timeoutSeconds: 90);
            if (status.LastRun!.Outcome != SyncOutcome.Failed)
            {
                return status;
            }

            Assert.True(run < maxRuns, $"{maxRuns} runs in a row failed; the last: {status.LastRun.Error}");
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Asserts that every valid event is in <paramref name="emulator"/>'s deduplicated view exactly once, every
    /// invalid one is exactly one dead letter with a reason, and the brand's run records add up: each run read
    /// = skipped + imported + rejected and sent = imported + rejected by Mixpanel, and over all runs every event
    /// was read once, every valid one imported once and every invalid one rejected once.
    /// </summary>
    public async Task AssertExactAsync(
        string brandId,
        string token,
        IReadOnlyList<SourceEvent> events,
        MixpanelEmulatorHost emulator)
    {
        var sequences = await Scenario.SequencesByEventIdAsync(brandId);
        var runs = await Scenario.Brand(brandId).ListRunsAsync(500);
        var deadLetters = await Scenario.ListDeadLettersAsync(brandId);
        var valid = events.Where(source => source.Valid).ToList();
        var invalid = events.Where(source => !source.Valid).ToList();

        Reconciliation.AssertReconciled(
            valid.Select(source => SyncScenario.InsertIdOf(brandId, source)).ToList(),
            invalid.Select(source => sequences[source.Event.EventId]).ToList(),
            emulator.GetDeduplicatedEvents(token).Select(e => e.InsertId).ToList(),
            deadLetters.Select(letter => (letter.Sequence, letter.Reason)).ToList(),
            runs.Sum(run => run.EventsImported),
            runs.Sum(run => run.EventsRejected));

        foreach (var run in runs)
        {
            Assert.True(run.EndedAt is not null, $"Run {run.RunId} has not ended.");
            var byMixpanel = MixpanelReasons.Sum(reason => run.RejectedByReason.GetValueOrDefault(reason));
            Assert.True(
                run.EventsRead == run.EventsSkipped + run.EventsImported + run.EventsRejected,
                $"Run {run.RunId}: read {run.EventsRead} != skipped {run.EventsSkipped} + imported "
                + $"{run.EventsImported} + rejected {run.EventsRejected}.");
            Assert.True(
                run.EventsSent == run.EventsImported + byMixpanel,
                $"Run {run.RunId}: sent {run.EventsSent} != imported {run.EventsImported} + rejected by "
                + $"Mixpanel {byMixpanel}.");
        }

        Assert.Equal(events.Count, runs.Sum(run => run.EventsRead - run.EventsSkipped));
        Assert.Equal(valid.Count, runs.Sum(run => run.EventsImported));
        Assert.Equal(invalid.Count, runs.Sum(run => run.EventsRejected));
    }

    /// <summary>Waits until the emulator stored at least <paramref name="minimum"/> events of the project.</summary>
    public static async Task WaitForStoredAsync(MixpanelEmulatorHost emulator, string token, int minimum)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (emulator.GetEvents(token).Count < minimum)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The emulator did not store {minimum} events within 60 s.");
            await Task.Delay(20);
        }
    }
}
