using MixpanelSync.GrainInterfaces.Integration;
using MixpanelSync.Grains.Tests.Support;
using MixpanelSync.MixpanelEmulator;
using Xunit.Abstractions;

namespace MixpanelSync.Grains.Tests.Budget;

public sealed class SharedBudgetTests(SharedBudgetClusterFixture fixture, ITestOutputHelper output)
    : IClassFixture<SharedBudgetClusterFixture>
{
    private const int MinBrands = 4;
    private const int MaxBrands = 12;
    private const int TotalEvents = 6_000;

    private readonly SyncScenario _scenario = new(fixture);

    [Fact]
    public async Task SyncNow_SharedProjectOnTwoSilos_StaysWithinBudget()
    {
        var token = _scenario.AddProject();
        var connected = new List<(string BrandId, IBrandIntegrationGrain Brand)>();

        // Placement is random, so brands are added until both silos host at least one.
        while (connected.Count < MinBrands
            || (connected.Count < MaxBrands && await CountHostsAsync(connected.Select(b => b.BrandId)) < 2))
        {
            var (brandId, _, brand) = await _scenario.ConnectAsync(token: token);
            connected.Add((brandId, brand));
        }

        var brands = new List<(string BrandId, IBrandIntegrationGrain Brand, List<SourceEvent> Events)>();
        foreach (var (brandId, brand) in connected)
        {
            var events = await _scenario.AppendMixedAsync(brandId, TotalEvents / connected.Count, invalidEvery: 0);
            brands.Add((brandId, brand, events));
        }

        await Task.WhenAll(brands.Select(entry => entry.Brand.SyncNowAsync()));
        foreach (var entry in brands)
        {
            var finished = await SyncScenario.WaitForRunAsync(entry.Brand, timeoutSeconds: 60);
            Assert.Equal(SyncOutcome.Succeeded, finished.LastRun!.Outcome);
        }

        var stored = fixture.Emulator.GetEvents(token);
        var stats = fixture.Emulator.GetStats(token);
        var requests = stats.RequestsByStatusCode.Values.Sum();
        var throttled = stats.GetRequestCount(429);
        var maxInWindow = MaxEventsInAnyWindow(stored, SharedBudgetClusterFixture.Window);
        output.WriteLine(
            $"{brands.Count} brands, {stored.Count} events, at most {maxInWindow} per window, "
            + $"{throttled} of {requests} requests answered 429");

        Assert.Equal(2, await CountHostsAsync(brands.Select(entry => entry.BrandId)));
        Assert.Equal(brands.Sum(entry => entry.Events.Count), stored.Count);
        Assert.True(
            maxInWindow <= SharedBudgetClusterFixture.EventsPerWindow,
            $"{maxInWindow} events were ingested within one {SharedBudgetClusterFixture.Window.TotalSeconds} s "
            + $"window; the limit is {SharedBudgetClusterFixture.EventsPerWindow}.");
        Assert.True(
            throttled * 100 <= requests,
            $"{throttled} of {requests} requests were answered 429, more than 1%.");
        await _scenario.AssertProjectReconciledAsync(token, brands.Select(entry => (entry.BrandId, entry.Events)));
    }

    /// <summary>Returns the most events ingested within any window that starts at an ingestion time.</summary>
    private static int MaxEventsInAnyWindow(IReadOnlyList<StoredEvent> stored, TimeSpan window)
    {
        var times = stored.Select(e => e.IngestedAt).Order().ToList();
        var max = 0;
        var end = 0;
        for (var start = 0; start < times.Count; start++)
        {
            while (end < times.Count && times[end] < times[start] + window)
            {
                end++;
            }

            max = Math.Max(max, end - start);
        }

        return max;
    }

    private async Task<int> CountHostsAsync(IEnumerable<string> brandIds)
    {
        var wanted = brandIds.ToHashSet(StringComparer.Ordinal);
        var management = fixture.Client.GetGrain<IManagementGrain>(0);
        var activations = await management.GetDetailedGrainStatistics();
        return activations
            .Where(activation => wanted.Contains(activation.GrainId.Key.ToString()!))
            .Select(activation => activation.SiloAddress)
            .Distinct()
            .Count();
    }
}
