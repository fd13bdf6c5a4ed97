using System.Globalization;
using MixpanelSync.GrainInterfaces.Integration;
using MixpanelSync.MixpanelEmulator;
using MixpanelSync.Testing.Processes;

namespace MixpanelSync.Silo.Tests.Embedded;

/// <summary>
/// Restarts an embedded-mode silo process between two daily runs. The service's clock is shifted through
/// Sync:ClockOffset so that the runs fall due within minutes; reminders still need real minutes to fire.
/// </summary>
public sealed class EmbeddedRestartTests : IAsyncLifetime
{
    private const string Token = "restart-test-token-0001";
    private const string BrandId = "brand-restart";
    private const int RunHour = 3;

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("silo-restart-").FullName;
    private readonly int _siloPort = FreePorts.Next();
    private readonly int _gatewayPort = FreePorts.Next();
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

        Directory.Delete(_dataDirectory, recursive: true);
    }

    [Fact]
    public async Task Restart_BetweenScheduledRuns_SecondRunHappens()
    {
        var firstDue = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(1).AddHours(RunHour), TimeSpan.Zero);

        ConnectedSnapshot before;
        await using (var silo = StartSilo(clockAt: firstDue - TimeSpan.FromSeconds(20)))
        {
            await silo.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));
            before = await ConnectAndWaitForRunsAsync(silo, expectedRuns: 1);
            await silo.StopAsync(TimeSpan.FromSeconds(30));
        }

        await using (var silo = StartSilo(clockAt: firstDue.AddDays(1) + TimeSpan.FromSeconds(20)))
        {
            await silo.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));
            await using var client = await ConnectClientAsync();
            var brand = client.Client.GetGrain<IBrandIntegrationGrain>(BrandId);

            var runs = await WaitForRunsAsync(brand, expectedRuns: 2, TimeSpan.FromMinutes(4));
            var status = await brand.GetStatusAsync();

            Assert.Equal(2, runs.Count);
            Assert.All(runs, run => Assert.Equal(SyncTrigger.Schedule, run.Trigger));
            Assert.Equal(before.ConnectedAt, status.ConnectedAt);
            Assert.Equal(before.MaskedToken, status.MaskedToken);
            Assert.Equal(ConnectionState.Connected, status.State);
            Assert.True(status.NextRunAt > runs[0].StartedAt, "The next run is scheduled after the latest run.");
        }
    }

    private async Task<ConnectedSnapshot> ConnectAndWaitForRunsAsync(SiloProcess silo, int expectedRuns)
    {
        await using var client = await ConnectClientAsync();
        var brand = client.Client.GetGrain<IBrandIntegrationGrain>(BrandId);

        var connected = await brand.ConnectAsync(new ConnectRequest(
            Token,
            MixpanelResidency.Us,
            SyncSchedule.Daily(RunHour, "UTC")));
        Assert.True(connected.Succeeded, connected.Message);

        var runs = await WaitForRunsAsync(brand, expectedRuns, TimeSpan.FromMinutes(4));
        Assert.Equal(expectedRuns, runs.Count);
        Assert.False(silo.HasExited);
        return new ConnectedSnapshot(connected.Status.ConnectedAt, connected.Status.MaskedToken);
    }

    private static async Task<IReadOnlyList<RunSummary>> WaitForRunsAsync(
        IBrandIntegrationGrain brand,
        int expectedRuns,
        TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var runs = await brand.ListRunsAsync(10);
            var finished = runs.Where(run => run.EndedAt is not null).ToList();
            if (finished.Count >= expectedRuns || DateTime.UtcNow > deadline)
            {
                return finished;
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }

    private SiloProcess StartSilo(DateTimeOffset clockAt)
    {
        var offset = clockAt - DateTimeOffset.UtcNow;
        return SiloProcess.Start(new Dictionary<string, string>
        {
            ["Sync:DataDirectory"] = _dataDirectory,
            ["Sync:SiloPort"] = _siloPort.ToString(CultureInfo.InvariantCulture),
            ["Sync:GatewayPort"] = _gatewayPort.ToString(CultureInfo.InvariantCulture),
            ["Sync:ClockOffset"] = offset.ToString("c", CultureInfo.InvariantCulture),
            ["MixpanelSync:UsBaseAddress"] = _emulator!.GetBaseAddress().ToString(),
            ["MixpanelSync:ReminderPeriod"] = "00:01:00",
            ["MixpanelSync:ScheduleSpreadWindow"] = "00:00:00",
        });
    }

    private Task<ClusterClientConnection> ConnectClientAsync() =>
        ClusterClientConnection.ConnectLocalhostAsync(_gatewayPort, "mixpanel-sync", "mixpanel-sync");

    private sealed record ConnectedSnapshot(DateTimeOffset? ConnectedAt, string? MaskedToken);
}
