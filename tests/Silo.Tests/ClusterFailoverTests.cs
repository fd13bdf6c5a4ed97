using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MixpanelSync.Events;
using MixpanelSync.Events.Storage.Postgres;
using MixpanelSync.GrainInterfaces.Integration;
using InsertIds = MixpanelSync.Mixpanel.InsertIds;
using MixpanelSync.MixpanelEmulator;
using MixpanelSync.Testing.Postgres;
using MixpanelSync.Testing.Processes;

namespace MixpanelSync.Silo.Tests;

/// <summary>
/// Kills one of two cluster-mode silo processes with SIGKILL while several brands sync, and checks that the
/// survivor finishes every sync with each event in Mixpanel's deduplicated view exactly once.
/// </summary>
public sealed class ClusterFailoverTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private const string Token = "failover-test-token-0001";
    private const int BrandCount = 4;
    private const int EventsPerBrand = 6_000;

    private readonly string _clusterId = $"failover-{Guid.NewGuid():N}";
    private MixpanelEmulatorHost? _emulator;

    public async Task InitializeAsync()
    {
        var options = new MixpanelEmulatorOptions();
        options.Projects.Add(new EmulatorProject(Token));
        _emulator = await MixpanelEmulatorHost.StartAsync(options);
    }

    public async Task DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }

    [Fact]
    public async Task KillSiloMidSync_SurvivorFinishesEverySync()
    {
        await using var first = SiloProcess.Start(ClusterSettings());
        await using var second = SiloProcess.Start(ClusterSettings());
        await Task.WhenAll(
            first.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90)),
            second.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90)));
        await using var client = await ConnectClientAsync();
        var brands = Enumerable.Range(1, BrandCount).Select(n => $"failover-brand-{n}").ToList();
        var expectedInsertIds = await ConnectAndAppendAsync(client.Client, brands);

        // Slow Mixpanel down so the runs are still going when the silo dies.
        _emulator!.GetFaults(Token).SetLatency(TimeSpan.FromMilliseconds(150));
        foreach (var brandId in brands)
        {
            var started = await client.Client.GetGrain<IBrandIntegrationGrain>(brandId).SyncNowAsync();
            Assert.True(started.Started, started.Message);
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
        var inProgress = 0;
        foreach (var brandId in brands)
        {
            var status = await client.Client.GetGrain<IBrandIntegrationGrain>(brandId).GetStatusAsync();
            inProgress += status.CurrentRun is null ? 0 : 1;
        }

        second.Kill();
        Assert.True(inProgress > 0, "No run was in progress when the silo was killed.");
        _emulator.GetFaults(Token).SetLatency(TimeSpan.FromMilliseconds(10));

        foreach (var brandId in brands)
        {
            var status = await WaitForSucceededRunAsync(client.Client, brandId, TimeSpan.FromMinutes(4));
            Assert.Equal(ConnectionState.Connected, status.State);
        }

        var deduplicated = _emulator.GetDeduplicatedEvents(Token);
        var delivered = deduplicated.Select(stored => stored.InsertId).ToList();
        Assert.Equal(expectedInsertIds.Count, delivered.Count);
        Assert.Equal(delivered.Count, delivered.Distinct(StringComparer.Ordinal).Count());
        Assert.Empty(expectedInsertIds.Except(delivered, StringComparer.Ordinal));
        Assert.False(first.HasExited);
    }

    private async Task<HashSet<string>> ConnectAndAppendAsync(IClusterClient client, IReadOnlyList<string> brands)
    {
        await using var store = new PostgresEventStore(
            Options.Create(new PostgresEventStoreOptions { ConnectionString = database.ConnectionString }),
            TimeProvider.System,
            NullLogger<PostgresEventStore>.Instance);
        var expected = new HashSet<string>(StringComparer.Ordinal);

        foreach (var brandId in brands)
        {
            var connected = await client.GetGrain<IBrandIntegrationGrain>(brandId).ConnectAsync(
                new ConnectRequest(Token, MixpanelResidency.Us, SyncSchedule.Daily(3, "UTC")));
            Assert.True(connected.Succeeded, connected.Message);

            var occurredAt = DateTimeOffset.UtcNow;
            var events = Enumerable.Range(0, EventsPerBrand)
                .Select(i => new BrandEvent
                {
                    EventId = $"{brandId}-join-{i}",
                    Type = BrandEventTypes.CommunityJoin,
                    OccurredAt = occurredAt,
                    UserId = $"user-{i % 500}",
                    Properties = new Dictionary<string, object?> { ["community_id"] = "dojo" },
                })
                .ToList();
            await store.AppendAsync(brandId, events);
            expected.UnionWith(events.Select(brandEvent => InsertIds.Create(brandId, brandEvent.EventId)));
        }

        return expected;
    }

    /// <summary>
    /// Waits until the brand's latest run succeeded. A run whose batch was on the killed silo fails and is
    /// retried after <c>MixpanelSync:RunRetryBackoff</c>, so the first finished run may not be the last.
    /// </summary>
    private static async Task<IntegrationStatus> WaitForSucceededRunAsync(
        IClusterClient client,
        string brandId,
        TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                var status = await client.GetGrain<IBrandIntegrationGrain>(brandId).GetStatusAsync();
                if (status.CurrentRun is null && status.LastRun is { Outcome: SyncOutcome.Succeeded })
                {
                    return status;
                }
            }
            catch (Exception exception) when (exception is SiloUnavailableException or TimeoutException
                or OrleansMessageRejectionException)
            {
                // The grain lived on the killed silo; calls fail until membership declares that silo dead.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No run of {brandId} succeeded within {timeout}.");
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    private Dictionary<string, string> ClusterSettings() => new()
    {
        ["Sync:Mode"] = "Cluster",
        ["Sync:PostgresConnectionString"] = database.ConnectionString,
        ["Sync:ClusterId"] = _clusterId,
        ["Sync:ServiceId"] = _clusterId,
        ["Sync:SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
        ["Sync:GatewayPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
        ["MixpanelSync:UsBaseAddress"] = _emulator!.GetBaseAddress().ToString(),
        ["MixpanelSync:ReminderPeriod"] = "00:01:00",
        ["MixpanelSync:MaxEventsPerBatch"] = "500",
        ["MixpanelSync:MaxBatchesInFlight"] = "2",
        ["MixpanelSync:RunRetryBackoff"] = "00:00:05",
    };

    private Task<ClusterClientConnection> ConnectClientAsync() =>
        ClusterClientConnection.ConnectPostgresAsync(database.ConnectionString, _clusterId);
}
