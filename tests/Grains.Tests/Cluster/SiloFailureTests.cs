using MixpanelSync.GrainInterfaces.Budget;
using MixpanelSync.GrainInterfaces.Integration;
using MixpanelSync.Grains.Integration;
using MixpanelSync.Grains.Tests.Support;
using Orleans.TestingHost;

namespace MixpanelSync.Grains.Tests.Cluster;

/// <summary>
/// Kills the silo that hosts a project's rate budget grain while a brand on the other silo sends that project's
/// batches, so that batch sender calls in flight fail in the cluster rather than at Mixpanel.
/// </summary>
public sealed class SiloFailureTests(SiloFailureClusterFixture fixture) : IClassFixture<SiloFailureClusterFixture>
{
    private const int EventCount = 3_000;

    private readonly SyncScenario _scenario = new(fixture);

    [Fact]
    public async Task SiloDeath_MidRun_ResendsBatchesInRun()
    {
        var (brandId, token, brand, budgetSilo) = await ConnectAcrossSilosAsync();
        var events = await _scenario.AppendMixedAsync(brandId, EventCount, invalidEvery: 0);
        fixture.Emulator.GetFaults(token).SetLatency(TimeSpan.FromMilliseconds(100));

        var started = await brand.SyncNowAsync();
        await WaitForImportsAsync(brand);
        await WaitForAcquireInFlightAsync();
        var beforeKill = (await brand.GetStatusAsync()).CurrentRun;
        await fixture.Cluster.KillSiloAsync(budgetSilo);
        fixture.Emulator.GetFaults(token).SetLatency(TimeSpan.Zero);
        var finished = await SyncScenario.WaitForRunAsync(brand);
        var runs = await brand.ListRunsAsync(500);

        Assert.True(started.Started, started.Message);
        Assert.NotNull(beforeKill);
        Assert.True(beforeKill.EventsImported < EventCount, "The run finished before the silo died.");
        Assert.Equal(SyncOutcome.Succeeded, finished.LastRun!.Outcome);
        Assert.Equal(ConnectionState.Connected, finished.State);
        Assert.Null(finished.RetryAt);
        Assert.Equal(started.RunId, Assert.Single(runs).RunId);
        Assert.Equal(EventCount, finished.LastRun.EventsImported);
        Assert.True(finished.LastRun.Retries > 0, "No batch was sent again after the silo died.");
        await _scenario.AssertReconciledAsync(brandId, token, events);
    }

    [Fact]
    public async Task BudgetUnreachable_AfterResends_FailsRunWithReason()
    {
        var (brandId, token, brand) = await _scenario.ConnectAsync();
        await _scenario.AppendMixedAsync(brandId, 50, invalidEvery: 0);
        fixture.UnreachableBudgets[BrandIntegrationGrain.ProjectKeyOf(token)] = true;

        await brand.SyncNowAsync();
        var status = await SyncScenario.WaitForRunAsync(brand);

        Assert.Equal(SyncOutcome.Failed, status.LastRun!.Outcome);
        Assert.Contains(
            $"failed in the cluster {SiloFailureClusterFixture.MaxBatchResends + 1} times",
            status.LastRun.Error,
            StringComparison.Ordinal);
        Assert.Contains(nameof(SiloUnavailableException), status.LastRun.Error, StringComparison.Ordinal);
        Assert.Equal(ConnectionState.Degraded, status.State);
        Assert.NotNull(status.RetryAt);
        Assert.Empty(fixture.Emulator.GetEvents(token));
    }

    /// <summary>
    /// Connects new brands until one's grain and its project's rate budget grain are on different silos, with the
    /// budget grain off the first silo, which the test keeps running. Returns that brand and the budget's silo.
    /// </summary>
    private async Task<(string BrandId, string Token, IBrandIntegrationGrain Brand, InProcessSiloHandle BudgetSilo)>
        ConnectAcrossSilosAsync()
    {
        for (var attempt = 0; attempt < 40; attempt++)
        {
            var (brandId, token, brand) = await _scenario.ConnectAsync();
            var budget = fixture.Client.GetGrain<IRateBudgetGrain>(BrandIntegrationGrain.ProjectKeyOf(token));
            await budget.GetSnapshotAsync();
            var brandSilo = SiloOf(brand.GetGrainId());
            var budgetSilo = SiloOf(budget.GetGrainId());
            if (brandSilo != budgetSilo && budgetSilo != fixture.Cluster.Silos[0])
            {
                return (brandId, token, brand, budgetSilo);
            }
        }

        throw new InvalidOperationException("Random placement never put a brand and its budget on different silos.");
    }

    private InProcessSiloHandle SiloOf(GrainId grainId)
    {
        Assert.True(fixture.Cluster.TryGetGrainContext(grainId, out var context), $"{grainId} is not active.");
        return fixture.Cluster.Silos.Single(silo => silo.SiloAddress.Equals(context.Address.SiloAddress));
    }

    private async Task WaitForAcquireInFlightAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (fixture.AcquiresInFlight == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "No rate budget call was in flight within 30 seconds.");
            await Task.Delay(5);
        }
    }

    private static async Task WaitForImportsAsync(IBrandIntegrationGrain brand)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await brand.GetStatusAsync()).CurrentRun is not { EventsImported: > 0 })
        {
            Assert.True(DateTime.UtcNow < deadline, "The run imported nothing within 30 seconds.");
            await Task.Delay(20);
        }
    }
}
