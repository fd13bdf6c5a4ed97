using MixpanelSync.GrainInterfaces.Integration;
using MixpanelSync.Grains.Tests.Support;

namespace MixpanelSync.Grains.Tests.Integration;

[Collection(SyncClusterCollection.Name)]
public sealed class BackfillTests(SyncClusterFixture fixture)
{
    private readonly SyncScenario _scenario = new(fixture);

    [Fact]
    public async Task Backfill_PreviewThenStart_SendsOlderEvents()
    {
        var brandId = SyncScenario.NewId("brand");
        var now = DateTimeOffset.UtcNow;
        var tooOld = Enumerable.Range(0, 30)
            .Select(i => new SourceEvent(TestEvents.VideoView($"ancient-{i}", now.AddDays(-20), "user-1"), false));
        var old = Enumerable.Range(0, 120)
            .Select(i => new SourceEvent(TestEvents.VideoView($"old-{i}", now.AddDays(-3), $"user-{i}"), true));
        await _scenario.AppendAsync(brandId, [.. tooOld, .. old]);
        var (_, token, brand) = await _scenario.ConnectAsync(brandId);
        var recent = await _scenario.AppendMixedAsync(brandId, count: 200, invalidEvery: 0);
        await brand.SyncNowAsync();
        var regular = await SyncScenario.WaitForRunAsync(brand);

        var preview = await brand.PreviewBackfillAsync(now.AddDays(-7));
        var started = await brand.StartBackfillAsync(now.AddDays(-7));
        var backfilled = await SyncScenario.WaitForRunAsync(brand);
        var delivered = fixture.Emulator.GetDeduplicatedEvents(token).Select(e => e.InsertId).ToList();

        Assert.Equal(150, regular.LastRun!.EventsSkipped);
        Assert.Equal(200, regular.LastRun.EventsImported);
        Assert.Equal(120, preview.EventCount);
        Assert.Equal(regular.ConnectedAt, preview.Until);
        Assert.True(started.Started, started.Message);
        Assert.Equal(SyncTrigger.Backfill, backfilled.LastRun!.Trigger);
        Assert.Equal(SyncOutcome.Succeeded, backfilled.LastRun.Outcome);
        Assert.Equal(120, backfilled.LastRun.EventsImported);
        Assert.Equal(
            old.Concat(recent).Select(source => SyncScenario.InsertIdOf(brandId, source)).Order(),
            delivered.Order());
    }

    [Fact]
    public async Task Backfill_BeforeFirstRun_SendsPreviewedEvents()
    {
        var brandId = SyncScenario.NewId("brand");
        var now = DateTimeOffset.UtcNow;
        var old = Enumerable.Range(0, 90)
            .Select(i => new SourceEvent(TestEvents.VideoView($"old-{i}", now.AddDays(-2), $"user-{i}"), true))
            .ToList();
        await _scenario.AppendAsync(brandId, old);
        var (_, token, brand) = await _scenario.ConnectAsync(brandId);
        var recent = await _scenario.AppendMixedAsync(brandId, count: 40, invalidEvery: 0);

        var preview = await brand.PreviewBackfillAsync(now.AddDays(-7));
        var started = await brand.StartBackfillAsync(now.AddDays(-7));
        var backfilled = await SyncScenario.WaitForRunAsync(brand);
        await brand.SyncNowAsync();
        var regular = await SyncScenario.WaitForRunAsync(brand);
        var delivered = fixture.Emulator.GetDeduplicatedEvents(token).Select(e => e.InsertId).ToList();

        Assert.Equal(90, preview.EventCount);
        Assert.True(started.Started, started.Message);
        Assert.Equal(SyncOutcome.Succeeded, backfilled.LastRun!.Outcome);
        Assert.Equal(130, backfilled.LastRun.EventsRead);
        Assert.Equal(130, backfilled.LastRun.EventsImported);
        Assert.Equal(SyncTrigger.Manual, regular.LastRun!.Trigger);
        Assert.Equal(0, regular.LastRun.EventsRead);
        Assert.Equal(
            old.Concat(recent).Select(source => SyncScenario.InsertIdOf(brandId, source)).Order(),
            delivered.Order());
        await _scenario.AssertReconciledAsync(brandId, token, [.. old, .. recent]);
    }
}
