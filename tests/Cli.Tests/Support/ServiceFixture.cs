using System.Globalization;
using MixpanelSync.MixpanelEmulator;
using MixpanelSync.Testing.Processes;

namespace MixpanelSync.Cli.Tests.Support;

/// <summary>
/// A silo process in embedded mode with a known operator key and a Mixpanel emulator in this process. The clocks
/// of the silo's sync and of the emulator run an hour behind the real one. So an event from a few minutes ago
/// happened after the connection time. An event half an hour ahead passes ingestion, but it is more than an hour
/// in the future for the sync or the emulator, so the run rejects it.
/// </summary>
public sealed class ServiceFixture : IAsyncLifetime
{
    /// <summary>The operator key the silo is configured with.</summary>
    public const string OperatorKey = "cli-tests-operator-key-0123456789abcdef";

    /// <summary>The shift of the sync's and the emulator's clocks from the real one.</summary>
    public static readonly TimeSpan ClockOffset = TimeSpan.FromHours(-1);

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("cli-tests-").FullName;
    private SiloProcess? _silo;

    public MixpanelEmulatorHost Emulator { get; private set; } = null!;

    public Uri BaseAddress => _silo!.BaseAddress;

    /// <summary>The environment variables that point the CLI at the silo with the operator key.</summary>
    public IReadOnlyDictionary<string, string> Variables => new Dictionary<string, string>
    {
        [CliEnvironment.UrlVariable] = BaseAddress.ToString(),
        [CliEnvironment.KeyVariable] = OperatorKey,
    };

    public async Task InitializeAsync()
    {
        Emulator = await MixpanelEmulatorHost.StartAsync(new MixpanelEmulatorOptions
        {
            TimeProvider = new ShiftedTimeProvider(ClockOffset),
        });
        _silo = SiloProcess.Start(new Dictionary<string, string>
        {
            ["Sync:DataDirectory"] = _dataDirectory,
            ["Sync:SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["Sync:GatewayPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["Sync:ClockOffset"] = ClockOffset.ToString("c", CultureInfo.InvariantCulture),
            ["Api:OperatorKey"] = OperatorKey,
            ["MixpanelSync:UsBaseAddress"] = Emulator.GetBaseAddress(EmulatorResidency.Us).ToString(),
            ["MixpanelSync:EuBaseAddress"] = Emulator.GetBaseAddress(EmulatorResidency.Eu).ToString(),
            ["MixpanelSync:IndiaBaseAddress"] = Emulator.GetBaseAddress(EmulatorResidency.India).ToString(),
        });
        await _silo.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90));
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }

        await Emulator.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    /// <summary>Returns a brand id no other test uses.</summary>
    public static string NewBrandId() => "cli-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Adds a project to the emulator and returns its token.</summary>
    public string AddProject(EmulatorResidency residency = EmulatorResidency.Us)
    {
        var token = "cli" + Guid.NewGuid().ToString("N");
        Emulator.AddProject(new EmulatorProject(token) { Residency = residency });
        return token;
    }
}
