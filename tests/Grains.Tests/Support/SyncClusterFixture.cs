using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MixpanelSync.Events.Storage;
using MixpanelSync.Events.Storage.Sqlite;
using MixpanelSync.Grains.Hosting;
using MixpanelSync.MixpanelEmulator;
using MixpanelSync.Testing.Cluster;

namespace MixpanelSync.Grains.Tests.Support;

/// <summary>
/// A two-silo cluster with the sync grains, one SQLite event store and one Data Protection key ring shared by
/// both silos, and backoffs and budget windows scaled down from minutes to milliseconds and seconds. The US and
/// EU residencies go to <see cref="Emulator"/>; India goes to <see cref="SmallRequestEmulator"/>, which responds
/// with 413 to requests over <see cref="SmallRequestMaxBytes"/>.
/// </summary>
public class SyncClusterFixture : TestClusterFixture, IAsyncLifetime
{
    /// <summary>The request size above which <see cref="SmallRequestEmulator"/> responds with 413.</summary>
    public const long SmallRequestMaxBytes = 150_000;

    private readonly string _dataDirectory =
        Path.Combine(Path.GetTempPath(), "mixpanel-sync-grains-tests", Guid.NewGuid().ToString("N"));

    private readonly IDataProtectionProvider _dataProtection = new EphemeralDataProtectionProvider();

    /// <summary>The emulator of the US and EU residencies.</summary>
    public MixpanelEmulatorHost Emulator { get; private set; } = null!;

    /// <summary>The emulator of the India residency, with a small request size limit.</summary>
    public MixpanelEmulatorHost SmallRequestEmulator { get; private set; } = null!;

    /// <summary>The event store both silos use.</summary>
    internal IEventStore Store { get; private set; } = null!;

    /// <summary>The rate limit of every emulator project that sets none of its own.</summary>
    protected virtual EmulatorRateLimit EmulatorRateLimit { get; } =
        new() { MaxEvents = 400_000, Window = TimeSpan.FromSeconds(2) };

    public new async Task InitializeAsync()
    {
        var emulatorOptions = new MixpanelEmulatorOptions { RateLimit = EmulatorRateLimit };
        ConfigureEmulator(emulatorOptions);
        Emulator = await MixpanelEmulatorHost.StartAsync(emulatorOptions);
        SmallRequestEmulator = await MixpanelEmulatorHost.StartAsync(new MixpanelEmulatorOptions
        {
            RateLimit = EmulatorRateLimit,
            MaxRequestBytes = SmallRequestMaxBytes,
        });

        Store = await CreateStoreAsync();
        await Store.EnsureCreatedAsync();
        await base.InitializeAsync();
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Emulator.DisposeAsync();
        await SmallRequestEmulator.DisposeAsync();
        if (Store is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }

        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    /// <summary>Changes the options of <see cref="Emulator"/>, such as its clock.</summary>
    protected virtual void ConfigureEmulator(MixpanelEmulatorOptions options)
    {
    }

    /// <summary>Creates the event store both silos use, by default a SQLite file in the data folder.</summary>
    protected virtual Task<IEventStore> CreateStoreAsync() =>
        Task.FromResult<IEventStore>(new SqliteEventStore(
            Options.Create(new SqliteEventStoreOptions { DatabasePath = Path.Combine(_dataDirectory, "events.db") }),
            TimeProvider.System,
            NullLogger<SqliteEventStore>.Instance));

    /// <summary>Adds or changes the silos' settings.</summary>
    protected virtual void AddSettings(IDictionary<string, string?> settings)
    {
    }

    /// <summary>Adds the integration state storage: Orleans' memory storage, whose state lives in grains.</summary>
    protected virtual void AddGrainStorage(ISiloBuilder silo) =>
        silo.AddMemoryGrainStorage(MixpanelSyncGrains.StorageName);

    protected override void ConfigureSilo(ISiloBuilder silo)
    {
        var settings = new Dictionary<string, string?>
        {
            ["MixpanelSync:UsBaseAddress"] = Emulator.GetBaseAddress(EmulatorResidency.Us).ToString(),
            ["MixpanelSync:EuBaseAddress"] = Emulator.GetBaseAddress(EmulatorResidency.Eu).ToString(),
            ["MixpanelSync:IndiaBaseAddress"] =
                SmallRequestEmulator.GetBaseAddress(EmulatorResidency.India).ToString(),
            ["MixpanelSync:InitialBackoff"] = "00:00:00.020",
            ["MixpanelSync:MaxBackoff"] = "00:00:00.200",
            ["MixpanelSync:MinJitter"] = "00:00:00.001",
            ["MixpanelSync:MaxJitter"] = "00:00:00.020",
            ["MixpanelSync:MaxAttempts"] = "10",
            ["MixpanelSync:RequestTimeout"] = "00:00:10",
            ["MixpanelSync:CredentialCheckTimeout"] = "00:00:10",
            ["MixpanelSync:PageSize"] = "5000",
            ["MixpanelSync:RateBudget:Window"] = "00:00:02",
            ["MixpanelSync:RateBudget:MaxEventsPerWindow"] = "300000",
            ["MixpanelSync:RateBudget:DecreaseInterval"] = "00:00:00.100",
            ["MixpanelSync:RateBudget:RecoveryPerSecond"] = "0.3",
            ["MixpanelSync:RateBudget:MaxGrantHold"] = "00:01:00",
        };
        AddSettings(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        // Random placement spreads brand grains over both silos; the default weighs the silos' resource use, and
        // two silos in one process report the same use.
        silo.Services.AddSingleton<PlacementStrategy, RandomPlacement>();
        AddGrainStorage(silo);
        silo.AddMixpanelSyncGrains(configuration);
        silo.Services.AddSingleton<IEventStore>(Store);
        silo.Services.AddSingleton(_dataProtection);
    }
}
