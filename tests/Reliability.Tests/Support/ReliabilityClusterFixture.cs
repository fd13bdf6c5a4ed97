using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MixpanelSync.Api.Tests.Support;
using MixpanelSync.Events.Storage;
using MixpanelSync.Events.Storage.Postgres;
using MixpanelSync.Grains.Hosting;
using MixpanelSync.Grains.Tests.Support;
using MixpanelSync.MixpanelEmulator;
using MixpanelSync.Silo.Storage;
using MixpanelSync.Testing.Postgres;
using MixpanelSync.Testing.Processes;

namespace MixpanelSync.Reliability.Tests.Support;

/// <summary>
/// The two-silo sync cluster of <see cref="SyncClusterFixture"/>, run as in cluster mode: the event store and the
/// grains' state live in a PostgreSQL server of its own, which tests may stop and start. The EU residency goes to
/// <see cref="OutageEmulator"/> on a fixed port, which tests may stop and start too. Request timeouts are 2 s,
/// the US emulator's clock can be shifted, and every log line of the silos and emulators, Trace level included,
/// is kept in <see cref="Logs"/>.
/// </summary>
public sealed class ReliabilityClusterFixture : SyncClusterFixture, IAsyncLifetime
{
    /// <summary>The request timeout of the sync grains.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(2);

    private readonly ILoggerFactory _emulatorLogs;
    private PostgresServer? _postgres;
    private string _connectionString = "";
    private int _outageBasePort;
    private int _euPort;

    public ReliabilityClusterFixture()
    {
        _emulatorLogs = LoggerFactory.Create(logging =>
            logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
    }

    /// <summary>Every log line of the silos and the emulators.</summary>
    public LogCollector Logs { get; } = new() { MinimumLevel = LogLevel.Trace };

    /// <summary>The clock of the US and EU emulator; tests shift it to make Mixpanel reject events.</summary>
    public ShiftedClock EmulatorClock { get; } = new();

    /// <summary>The emulator of the EU residency, which tests stop and start on the same port.</summary>
    public MixpanelEmulatorHost? OutageEmulator { get; private set; }

    /// <summary>The private PostgreSQL server of the event store and grain state.</summary>
    public PostgresServer Postgres => _postgres ?? throw new InvalidOperationException("Not started yet.");

    /// <summary>The seed of the emulator's random failures, so that a failure rate fails the same requests.</summary>
    public const int EmulatorSeed = 20_261_204;

    protected override void ConfigureEmulator(MixpanelEmulatorOptions options)
    {
        options.TimeProvider = EmulatorClock;
        options.LoggerFactory = _emulatorLogs;
        options.RandomSeed = EmulatorSeed;
    }

    /// <summary>Starts the EU emulator again on its port with the given projects.</summary>
    public async Task StartOutageEmulatorAsync(params string[] tokens)
    {
        var options = new MixpanelEmulatorOptions { BasePort = _outageBasePort, LoggerFactory = _emulatorLogs };
        foreach (var token in tokens)
        {
            options.Projects.Add(new EmulatorProject(token) { Residency = EmulatorResidency.Eu });
        }

        OutageEmulator = await MixpanelEmulatorHost.StartAsync(options);
    }

    /// <summary>Stops the EU emulator; requests to its port are refused until it starts again.</summary>
    public async Task StopOutageEmulatorAsync()
    {
        if (OutageEmulator is not null)
        {
            await OutageEmulator.DisposeAsync();
            OutageEmulator = null;
        }
    }

    public new async Task InitializeAsync()
    {
        _postgres = await PostgresServer.StartAsync();
        _connectionString = await _postgres.CreateDatabaseAsync("reliability");
        await OrleansSchemaMigrator.ApplyPostgresAsync(_connectionString, CancellationToken.None);
        await StartOutageEmulatorOnFreePortsAsync();
        await base.InitializeAsync();
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await StopOutageEmulatorAsync();
        _emulatorLogs.Dispose();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }

    protected override Task<IEventStore> CreateStoreAsync() =>
        Task.FromResult<IEventStore>(new PostgresEventStore(
            Options.Create(new PostgresEventStoreOptions { ConnectionString = _connectionString }),
            TimeProvider.System,
            NullLogger<PostgresEventStore>.Instance));

    protected override void AddGrainStorage(ISiloBuilder silo) =>
        silo.AddAdoNetGrainStorage(MixpanelSyncGrains.StorageName, persistence =>
        {
            persistence.Invariant = OrleansSchemaMigrator.PostgresInvariant;
            persistence.ConnectionString = _connectionString;
        });

    protected override void AddSettings(IDictionary<string, string?> settings)
    {
        settings["MixpanelSync:EuBaseAddress"] =
            new Uri($"http://127.0.0.1:{_euPort}/").ToString();
        settings["MixpanelSync:RequestTimeout"] = RequestTimeout.ToString("c", CultureInfo.InvariantCulture);
    }

    protected override void ConfigureSilo(ISiloBuilder silo)
    {
        base.ConfigureSilo(silo);
        silo.Services.AddLogging(logging =>
        {
            logging.AddProvider(Logs);
            logging.SetMinimumLevel(LogLevel.Trace);

            // Orleans' own trace output is large and carries no tokens; its debug output is kept.
            logging.AddFilter("Orleans", LogLevel.Debug);
        });
    }

    private async Task StartOutageEmulatorOnFreePortsAsync()
    {
        for (var attempt = 0; ; attempt++)
        {
            _outageBasePort = FreePorts.Next();
            try
            {
                await StartOutageEmulatorAsync();
                _euPort = OutageEmulator!.GetBaseAddress(EmulatorResidency.Eu).Port;
                return;
            }
            catch (IOException) when (attempt < 10)
            {
                // One of the emulator's consecutive ports was taken; try the next range.
            }
        }
    }
}
