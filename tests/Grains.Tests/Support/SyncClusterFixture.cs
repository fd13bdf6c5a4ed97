using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MixpanelSync.Events.Storage;
using MixpanelSync.Grains.Hosting;
using MixpanelSync.MixpanelEmulator;
using MixpanelSync.Testing.Cluster;

namespace MixpanelSync.Grains.Tests.Support;

/// <summary>
/// A two-silo cluster with the sync grains, one emulator, one event store and one Data Protection key ring
/// shared by both silos, and backoffs scaled down to milliseconds.
/// </summary>
public sealed class SyncClusterFixture : TestClusterFixture, IAsyncLifetime
{
    /// <summary>The shared Mixpanel emulator.</summary>
    public MixpanelEmulatorHost Emulator { get; private set; } = null!;

    /// <summary>The event store both silos use.</summary>
    internal InMemoryEventStore Store { get; } = new(TimeProvider.System);

    private readonly IDataProtectionProvider _dataProtection = new EphemeralDataProtectionProvider();

    public new async Task InitializeAsync()
    {
        Emulator = await MixpanelEmulatorHost.StartAsync(new MixpanelEmulatorOptions
        {
            RateLimit = new EmulatorRateLimit { MaxEvents = 60_000, Window = TimeSpan.FromSeconds(2) },
        });
        await base.InitializeAsync();
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Emulator.DisposeAsync();
    }

    protected override void ConfigureSilo(ISiloBuilder silo)
    {
        var settings = new Dictionary<string, string?>
        {
            ["MixpanelSync:UsBaseAddress"] = Emulator.GetBaseAddress(EmulatorResidency.Us).ToString(),
            ["MixpanelSync:EuBaseAddress"] = Emulator.GetBaseAddress(EmulatorResidency.Eu).ToString(),
            ["MixpanelSync:IndiaBaseAddress"] = Emulator.GetBaseAddress(EmulatorResidency.India).ToString(),
            ["MixpanelSync:InitialBackoff"] = "00:00:00.020",
            ["MixpanelSync:MaxBackoff"] = "00:00:00.200",
            ["MixpanelSync:MaxJitter"] = "00:00:00.020",
            ["MixpanelSync:MaxAttempts"] = "10",
            ["MixpanelSync:PageSize"] = "5000",
            ["MixpanelSync:RateBudget:Window"] = "00:00:02",
            ["MixpanelSync:RateBudget:MaxEventsPerWindow"] = "50000",
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        silo.AddMemoryGrainStorage(MixpanelSyncGrains.StorageName);
        silo.AddMixpanelSyncGrains(configuration);
        silo.Services.AddSingleton<IEventStore>(Store);
        silo.Services.AddSingleton(_dataProtection);
    }
}
