using MixpanelSync.GrainInterfaces.Integration;
using MixpanelSync.Grains.Tests.Support;

namespace MixpanelSync.Grains.Tests.Integration;

/// <summary>
/// Events that the grains' validation accepts and Mixpanel rejects in the <c>failed_records</c> of a 400
/// response. The cluster's emulator runs a day behind, so it takes events from the last day for future ones.
/// </summary>
[Collection(ScheduleClusterCollection.Name)]
public sealed class MixpanelRejectionTests(ScheduleClusterFixture fixture)
{
    private const string FutureTimeMessage = "'properties.time' is invalid: must not be more than 1 hour in the future";

    private readonly SyncScenario _scenario = new(fixture);

    [Fact]
    public async Task PartialBadRequest_DeadLettersKeepMixpanelMessage()
    {
        var brandId = SyncScenario.NewId("brand");
        var token = _scenario.AddProject();
        var now = DateTimeOffset.UtcNow;
        var accepted = Enumerable.Range(0, 12)
            .Select(i => new SourceEvent(TestEvents.VideoView($"old-{i}", now.AddDays(-2), $"user-{i}"), true));
        var rejected = Enumerable.Range(0, 5)
            .Select(i => new SourceEvent(TestEvents.VideoView($"recent-{i}", now.AddMinutes(-30), $"user-{i}"), false));
        var events = await _scenario.AppendAsync(brandId, [.. accepted, .. rejected]);
        var brand = (await _scenario.ConnectAsync(brandId, token)).Brand;

        // The fake clock is years ahead of the events, so only a backfill sends them.
        var started = await brand.StartBackfillAsync(now.AddDays(-3));
        var status = await SyncScenario.WaitForRunAsync(brand);
        var letters = await brand.ListRejectedEventsAsync(includeReplayed: false, afterId: 0, maxCount: 100);
        var stored = await _scenario.ListDeadLettersAsync(brandId);

        Assert.True(started.Started, started.Message);
        Assert.Equal(SyncOutcome.CompletedWithRejections, status.LastRun!.Outcome);
        Assert.Equal(12, status.LastRun.EventsImported);
        Assert.Equal(5, letters.Count);
        Assert.All(letters, letter => Assert.Equal("rejected by Mixpanel", letter.Reason));
        Assert.All(letters, letter => Assert.Equal("properties.time", letter.Field));
        Assert.All(letters, letter => Assert.Equal(FutureTimeMessage, letter.Message));
        Assert.All(stored, letter => Assert.Equal(FutureTimeMessage, letter.Message));
        await _scenario.AssertReconciledAsync(brandId, token, events);
    }
}
