using MixpanelSync.GrainInterfaces.Integration;
using MixpanelSync.Grains.Integration;
using MixpanelSync.Grains.Tests.Support;

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
            measurements.Sum(
                "mixpanel_sync.runs",
                ("trigger", nameof(SyncTrigger.Manual)),
                ("outcome", nameof(SyncOutcome.CompletedWithRejections))));
        // The budget also granted the credential check's one event.
        Assert.Equal(991, measurements.Sum("mixpanel_sync.budget.granted", ("project", project)));
        Assert.True(measurements.Sum("mixpanel_sync.budget.granted_bytes", ("project", project)) > 990 * 100);
        Assert.Equal(1, measurements.Sum("mixpanel_sync.budget.throttle_reports", ("project", project)));
        Assert.InRange(measurements.Observe("mixpanel_sync.budget.limit", "project", project) ?? 0, 1, 300_000);
        Assert.NotNull(measurements.Observe("mixpanel_sync.budget.used", "project", project));
    }
}
