using MixpanelSync.GrainInterfaces.Integration;
using MixpanelSync.Grains.Tests.Support;

namespace MixpanelSync.Grains.Tests.Integration;

[Collection(SyncClusterCollection.Name)]
public sealed class LargeRunTests(SyncClusterFixture fixture)
{
    private readonly SyncScenario _scenario = new(fixture);

    [Fact]
    public async Task SyncNow_100kEventsWithFaults_DeliversEachOnce()
    {
        var (brandId, token, brand) = await _scenario.ConnectAsync();
        var events = await _scenario.AppendMixedAsync(brandId, count: 100_000, invalidEvery: 500);
        var faults = fixture.Emulator.GetFaults(token);
        faults.FailNext(4, 429);
        faults.SetFailureRate(0.1, 503);

        // Two requests are stored but their responses lost, so their batches are sent again.
        faults.DropConnectionAfterStoreNext(2);
        await brand.SyncNowAsync();
        var finished = await SyncScenario.WaitForRunAsync(brand, timeoutSeconds: 120);
        faults.Clear();
        var stats = fixture.Emulator.GetStats(token);

        Assert.Equal(SyncOutcome.CompletedWithRejections, finished.LastRun!.Outcome);
        Assert.Equal(100_000, finished.LastRun.EventsRead);
        Assert.Equal(200, finished.LastRun.EventsRejected);
        Assert.True(stats.GetRequestCount(429) >= 4, $"Only {stats.GetRequestCount(429)} responses were 429.");
        Assert.True(stats.GetRequestCount(503) > 0, "No response was 503.");
        Assert.Equal(2, stats.ConnectionsDropped);
        Assert.True(finished.LastRun.Retries > 0, "The run record counts no retries.");
        Assert.True(
            fixture.Emulator.GetEvents(token).Count > fixture.Emulator.GetDeduplicatedEvents(token).Count,
            "No batch was stored twice, so deduplication was not exercised.");
        await _scenario.AssertReconciledAsync(brandId, token, events);
    }
}
