using MixpanelSync.GrainInterfaces.Integration;
using MixpanelSync.GrainInterfaces.Storage;
using MixpanelSync.Grains.Tests.Support;
using MixpanelSync.MixpanelEmulator;
using MixpanelSync.Reliability.Tests.Support;

namespace MixpanelSync.Reliability.Tests.Matrix;

/// <summary>
/// Outages of the things a sync depends on: Mixpanel not listening, the PostgreSQL server stopped, and one of
/// the two silos killed. Each ends with the same exact reconciliation as the delivery faults.
/// </summary>
/// <remarks>
/// The process-level variant of the silo kill, SIGKILL of one of two cluster-mode silo processes, is
/// <c>ClusterFailoverTests</c> in tests/Silo.Tests.
/// </remarks>
[Collection(ReliabilityCollection.Name)]
public sealed class OutageTests(ReliabilityClusterFixture fixture)
{
    private readonly MatrixSteps _steps = new(fixture);

    [Fact]
    public async Task MixpanelDown_RunFailsThenResumes()
    {
        var token = SyncScenario.NewId("token");
        fixture.OutageEmulator!.AddProject(new EmulatorProject(token) { Residency = EmulatorResidency.Eu });
        var (brandId, _, brand) = await _steps.Scenario.ConnectAsync(token: token, residency: MixpanelResidency.Eu);
        var events = await _steps.Scenario.AppendMixedAsync(brandId, count: 5_000, invalidEvery: 100);

        await fixture.StopOutageEmulatorAsync();
        IntegrationStatus down;
        try
        {
            Assert.True((await brand.SyncNowAsync()).Started);
            down = await SyncScenario.WaitForRunAsync(brand, timeoutSeconds: 90);
        }
        finally
        {
            await fixture.StartOutageEmulatorAsync(token);
        }

        var status = await MatrixSteps.SyncUntilDoneAsync(brand);

        Assert.Equal(SyncOutcome.Failed, down.LastRun!.Outcome);
        Assert.NotNull(down.RetryAt);
        Assert.Equal(0, down.LastRun.EventsImported);
        Assert.Equal(SyncOutcome.CompletedWithRejections, status.LastRun!.Outcome);
        await _steps.AssertExactAsync(brandId, token, events, fixture.OutageEmulator!);
    }

    [Fact]
    public async Task DatabaseStoppedMidRun_ResumesAfterRestart()
    {
        var (brandId, token, brand) = await _steps.Scenario.ConnectAsync();
        var events = await _steps.Scenario.AppendMixedAsync(brandId, count: 12_000, invalidEvery: 300);
        var faults = fixture.Emulator.GetFaults(token);

        faults.SetLatency(TimeSpan.FromMilliseconds(40));
        Assert.True((await brand.SyncNowAsync()).Started);
        await MatrixSteps.WaitForStoredAsync(fixture.Emulator, token, minimum: 2_000);
        await fixture.Postgres.StopAsync();
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(3));
        }
        finally
        {
            await fixture.Postgres.RestartAsync();
        }

        // Pooled connections to the stopped server are dead. The silos clear the pools at the first failure they
        // meet, so a grain call either works or fails with StorageUnavailableException, never with an exception
        // Orleans cannot serialize, and a retry soon works.
        faults.Clear();
        await CallUntilStorageRecoversAsync(brand.GetStatusAsync);
        await CallUntilStorageRecoversAsync(brand.SyncNowAsync);
        var status = await MatrixSteps.SyncUntilDoneAsync(brand);

        Assert.Equal(SyncOutcome.CompletedWithRejections, status.LastRun!.Outcome);
        await _steps.AssertExactAsync(brandId, token, events, fixture.Emulator);
    }

    [Fact]
    public async Task SiloKilledMidSync_SurvivorFinishesEveryBrand()
    {
        var brands = new List<(string BrandId, string Token, IBrandIntegrationGrain Brand, List<SourceEvent> Events)>();
        for (var i = 0; i < 4; i++)
        {
            var (brandId, token, brand) = await _steps.Scenario.ConnectAsync();
            var events = await _steps.Scenario.AppendMixedAsync(brandId, count: 6_000, invalidEvery: 150);
            fixture.Emulator.GetFaults(token).SetLatency(TimeSpan.FromMilliseconds(60));
            brands.Add((brandId, token, brand, events));
        }

        foreach (var entry in brands)
        {
            Assert.True((await entry.Brand.SyncNowAsync()).Started);
        }

        await MatrixSteps.WaitForStoredAsync(fixture.Emulator, brands[0].Token, minimum: 1_000);
        var running = 0;
        foreach (var entry in brands)
        {
            running += (await entry.Brand.GetStatusAsync()).CurrentRun is null ? 0 : 1;
        }

        var victim = fixture.Cluster.Silos[^1];
        await fixture.Cluster.KillSiloAsync(victim);
        foreach (var entry in brands)
        {
            fixture.Emulator.GetFaults(entry.Token).Clear();
        }

        try
        {
            Assert.True(running > 0, "No run was in progress when the silo was killed.");
            foreach (var entry in brands)
            {
                var status = await SyncUntilReachableAsync(entry.Brand);
                Assert.NotEqual(SyncOutcome.Failed, status.LastRun!.Outcome);
                await _steps.AssertExactAsync(entry.BrandId, entry.Token, entry.Events, fixture.Emulator);
            }
        }
        finally
        {
            await fixture.Cluster.StartAdditionalSiloAsync();
        }
    }

    private static async Task CallUntilStorageRecoversAsync<T>(Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await call();
                return;
            }
            catch (StorageUnavailableException) when (attempt < 20)
            {
                await Task.Delay(250);
            }
        }
    }

    /// <summary>
    /// Runs <see cref="MatrixSteps.SyncUntilDoneAsync"/>, first waiting while calls fail because the grain's
    /// silo or storage is still recovering.
    /// </summary>
    private static async Task<IntegrationStatus> SyncUntilReachableAsync(IBrandIntegrationGrain brand)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            try
            {
                return await MatrixSteps.SyncUntilDoneAsync(brand);
            }
            catch (Exception exception) when (exception is not Xunit.Sdk.XunitException
                && DateTime.UtcNow < deadline)
            {
                await Task.Delay(500);
            }
        }
    }
}
