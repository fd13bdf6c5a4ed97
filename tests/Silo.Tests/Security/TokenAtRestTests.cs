using System.Globalization;
using System.Text;
using MixpanelSync.GrainInterfaces.Integration;
using MixpanelSync.MixpanelEmulator;
using MixpanelSync.Testing.Processes;

namespace MixpanelSync.Silo.Tests.Security;

/// <summary>
/// Connects a brand through an embedded-mode silo process and looks for the raw project token everywhere the
/// process could have put it: every file of its data directory (SQLite files and their WAL and journal files
/// included), its log output and the status the grain returns.
/// </summary>
public sealed class TokenAtRestTests : IAsyncLifetime
{
    private const string Token = "tok3n-at-rest-d6f0c1b2a9e84c71";

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("silo-secrets-").FullName;
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
    public async Task Connect_TokenStored_NeverInFilesLogsOrStatus()
    {
        IntegrationStatus status;
        string output;
        await using (var silo = SiloProcess.Start(Settings()))
        {
            await silo.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));
            await using var client = await ClusterClientConnection.ConnectLocalhostAsync(
                _gatewayPort, "mixpanel-sync", "mixpanel-sync");
            var brand = client.Client.GetGrain<IBrandIntegrationGrain>("brand-secrets");

            var connected = await brand.ConnectAsync(
                new ConnectRequest(Token, MixpanelResidency.Us, SyncSchedule.Daily(4, "UTC")));
            Assert.True(connected.Succeeded, connected.Message);
            await brand.SyncNowAsync();
            status = await brand.GetStatusAsync();

            await silo.StopAsync(TimeSpan.FromSeconds(30));
            output = silo.Output;
        }

        Assert.Equal(Token[^4..], status.MaskedToken?[^4..]);
        Assert.DoesNotContain(Token, status.MaskedToken ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain(Token, output, StringComparison.Ordinal);
        var files = Directory.EnumerateFiles(_dataDirectory, "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(files, file => Path.GetFileName(file) == "orleans.db");
        Assert.All(files, file => Assert.False(
            ContainsToken(file),
            $"{Path.GetFileName(file)} holds the raw project token."));
    }

    private static bool ContainsToken(string file)
    {
        var bytes = File.ReadAllBytes(file);
        return IndexOf(bytes, Encoding.UTF8.GetBytes(Token)) >= 0
            || IndexOf(bytes, Encoding.Unicode.GetBytes(Token)) >= 0
            || IndexOf(bytes, Encoding.UTF8.GetBytes(Convert.ToBase64String(Encoding.UTF8.GetBytes(Token)))) >= 0;
    }

    private static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);

    private Dictionary<string, string> Settings() => new()
    {
        ["Sync:DataDirectory"] = _dataDirectory,
        ["Sync:SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
        ["Sync:GatewayPort"] = _gatewayPort.ToString(CultureInfo.InvariantCulture),
        ["MixpanelSync:UsBaseAddress"] = _emulator!.GetBaseAddress().ToString(),
        ["Logging:LogLevel:Default"] = "Debug",
    };
}
