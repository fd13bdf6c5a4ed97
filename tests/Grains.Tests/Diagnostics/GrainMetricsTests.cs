using MixpanelSync.GrainInterfaces.Integration;
using MixpanelSync.Grains.Integration;
using MixpanelSync.Grains.Tests.Support;
using Orleans.Core.Internal;

namespace MixpanelSync.Grains.Tests.Diagnostics;

[Collection(SyncClusterCollection.Name)]
public sealed class GrainMetricsTests(SyncClusterFixture fixture)
{
    private readonly SyncScenario _scenario = new(fixture);

    [Fact]
    public async Task SyncNow_MixedEvents_RecordsGrainMetrics()
    {
        using var measurements = new GrainMeasurements(fixture);
        var (brandId, token, brand) = await _scenario.ConnectAsync();
        var project = BrandIntegrationGrain.ProjectKeyOf(token);
        await _scenario.AppendMixedAsync(brandId, count: 1_000, invalidEvery: 100);
        var old = TestEvents.VideoView("before-connection", DateTimeOffset.UtcNow.AddDays(-1), "user-1");
        await fixture.Store.AppendAsync(brandId, [old]);
        fixture.Emulator.GetFaults(token).FailNext(1, 429);

        await brand.SyncNowAsync();
        await SyncScenario.WaitForRunAsync(brand);

        Assert.Equal(1_001, measurements.Sum("mixpanel_sync.events.read"));
        Assert.Equal(1, measurements.Sum("mixpanel_sync.events.skipped"));
        Assert.Equal(990, measurements.Sum("mixpanel_sync.events.sent"));
        Assert.Equal(990, measurements.Sum("mixpanel_sync.events.imported"));
        Assert.Equal(10, measurements.Sum("mixpanel_sync.events.rejected", ("reason", "time out of range")));
        Assert.Equal(
            1,
            await measurements.WaitForSumAsync(
                "mixpanel_sync.runs",
                1,
                ("trigger", nameof(SyncTrigger.Manual)),
                ("outcome", nameof(SyncOutcome.CompletedWithRejections))));
        // The budget also granted the credential check's one event.
        Assert.Equal(991, measurements.Sum("mixpanel_sync.budget.granted", ("project", project)));
        Assert.True(measurements.Sum("mixpanel_sync.budget.granted_bytes", ("project", project)) > 990 * 100);
        Assert.Equal(1, measurements.Sum("mixpanel_sync.budget.throttle_reports", ("project", project)));
        Assert.InRange(measurements.Observe("mixpanel_sync.budget.limit", "project", project) ?? 0, 1, 300_000);
        Assert.NotNull(measurements.Observe("mixpanel_sync.budget.used", "project", project));
    }

    [Fact]
    public async Task ResumedRun_CountsRepeatedPartOnce()
    {
        using var measurements = new GrainMeasurements(fixture);
        var (brandId, token, brand) = await _scenario.ConnectAsync();
        var events = await _scenario.AppendMixedAsync(brandId, count: 8_000, invalidEvery: 100);
        var faults = fixture.Emulator.GetFaults(token);

        // One request hangs until the deactivation cancels it, and the resumed run sends its batch again.
        faults.SetLatency(TimeSpan.FromMilliseconds(20));
        faults.HangNext(1);
        await brand.SyncNowAsync();
        await WaitForStoredEventsAsync(token, minimum: 2_000);
        var before = await brand.GetStatusAsync();
        await brand.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        faults.Clear();
        var finished = await SyncScenario.WaitForRunAsync(brand);
        var valid = events.Count(source => source.Valid);

        Assert.NotNull(before.CurrentRun);
        Assert.Equal(1, fixture.Emulator.GetStats(token).RequestsHung);
        Assert.Equal(valid, fixture.Emulator.GetDeduplicatedEvents(token).Count);
        Assert.Equal(8_000, finished.LastRun!.EventsRead);
        Assert.Equal(8_000, measurements.Sum("mixpanel_sync.events.read"));
        Assert.Equal(valid, measurements.Sum("mixpanel_sync.events.sent"));
        Assert.Equal(valid, measurements.Sum("mixpanel_sync.events.imported"));
        Assert.Equal(8_000 - valid, measurements.Sum("mixpanel_sync.events.rejected"));
        Assert.Equal(1, await measurements.WaitForSumAsync("mixpanel_sync.runs", 1));
    }

    private async Task WaitForStoredEventsAsync(string token, int minimum)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (fixture.Emulator.GetEvents(token).Count < minimum)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The emulator did not store {minimum} events within 30 s.");
            await Task.Delay(20);
        }
    }
}
