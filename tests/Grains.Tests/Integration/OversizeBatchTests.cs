using MixpanelSync.GrainInterfaces.Integration;
using MixpanelSync.Grains.Tests.Support;

namespace MixpanelSync.Grains.Tests.Integration;

[Collection(SyncClusterCollection.Name)]
public sealed class OversizeBatchTests(SyncClusterFixture fixture)
{
    private readonly SyncScenario _scenario = new(fixture);

    [Fact]
    public async Task SyncNow_BatchOverSizeLimit_SplitsOn413()
    {
        var (brandId, token, brand) = await _scenario.ConnectAsync(residency: MixpanelResidency.India);
        var events = await _scenario.AppendMixedAsync(brandId, count: 4_000, invalidEvery: 0);

        await brand.SyncNowAsync();
        var finished = await SyncScenario.WaitForRunAsync(brand);
        var stats = fixture.SmallRequestEmulator.GetStats(token);

        Assert.Equal(SyncOutcome.Succeeded, finished.LastRun!.Outcome);
        Assert.True(stats.GetRequestCount(413) > 0, "The emulator never answered 413, so nothing was split.");
        Assert.Equal(0, finished.LastRun.EventsRejected);
        Assert.Empty(await _scenario.ListDeadLettersAsync(brandId));
        await _scenario.AssertReconciledAsync(brandId, token, events, MixpanelResidency.India);
    }
}
