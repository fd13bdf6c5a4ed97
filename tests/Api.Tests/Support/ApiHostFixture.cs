using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MixpanelSync.MixpanelEmulator;
using MixpanelSync.Silo.Hosting;
using MixpanelSync.Testing.Processes;

namespace MixpanelSync.Api.Tests.Support;

/// <summary>
/// A silo built in this process by the production <c>AddSyncHost</c> and <c>MapSyncHost</c>, listening on a
/// free 127.0.0.1 port, with its data in a temporary directory, Mixpanel replaced by an emulator and the alert
/// webhook pointed at a local receiver. Tests share it and use brand ids of their own.
/// </summary>
public sealed class ApiHostFixture : IAsyncLifetime
{
    /// <summary>The operator key the silo is configured with.</summary>
    public const string OperatorKey = "operator-key-for-tests-0123456789abcdef";

    private WebApplication? _app;

    public MixpanelEmulatorHost Emulator { get; private set; } = null!;

    public WebhookReceiver Webhook { get; private set; } = null!;

    public LogCollector Logs { get; } = new();

    /// <summary>The silo's data directory: SQLite files, Data Protection keys.</summary>
    public string DataDirectory { get; } = Path.Combine(
        Directory.CreateTempSubdirectory("api-tests-").FullName,
        "data");

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    public async Task InitializeAsync()
    {
        Emulator = await MixpanelEmulatorHost.StartAsync();
        Webhook = await WebhookReceiver.StartAsync();

        var port = FreePorts.Next();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = Path.GetDirectoryName(DataDirectory),
            EnvironmentName = Environments.Production,
        });
        builder.WebHost.UseUrls(BaseAddress.ToString());
        builder.Configuration.AddInMemoryCollection(Settings());
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(Logs);
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddFilter("Orleans", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.AddSyncHost([]);

        _app = builder.Build();
        _app.MapSyncHost();
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await Webhook.DisposeAsync();
        await Emulator.DisposeAsync();
        Directory.Delete(Path.GetDirectoryName(DataDirectory)!, recursive: true);
    }

    /// <summary>Creates a client that sends the given key as <c>Authorization: Bearer</c>, or no key.</summary>
    public HttpClient CreateClient(string? key = OperatorKey)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    /// <summary>Returns a brand id no other test uses.</summary>
    public static string NewBrandId() => "brand-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Adds a project to the emulator and returns its token.</summary>
    public string AddProject(EmulatorResidency residency = EmulatorResidency.Us)
    {
        var token = "tok" + Guid.NewGuid().ToString("N");
        Emulator.AddProject(new EmulatorProject(token) { Residency = residency });
        return token;
    }

    private Dictionary<string, string?> Settings() => new()
    {
        ["Sync:DataDirectory"] = DataDirectory,
        ["Sync:SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
        ["Sync:GatewayPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
        ["Api:OperatorKey"] = OperatorKey,
        ["Api:AlertWebhookUrl"] = Webhook.Url.ToString(),
        ["Api:AlertPollInterval"] = "00:00:00.200",
        ["Api:RateLimitPermits"] = "100000",
        ["MixpanelSync:UsBaseAddress"] = Emulator.GetBaseAddress(EmulatorResidency.Us).ToString(),
        ["MixpanelSync:EuBaseAddress"] = Emulator.GetBaseAddress(EmulatorResidency.Eu).ToString(),
        ["MixpanelSync:IndiaBaseAddress"] = Emulator.GetBaseAddress(EmulatorResidency.India).ToString(),
        ["MixpanelSync:InitialBackoff"] = "00:00:00.020",
        ["MixpanelSync:MaxBackoff"] = "00:00:00.100",
        ["MixpanelSync:MaxJitter"] = "00:00:00.010",
        ["MixpanelSync:MaxAttempts"] = "2",
    };
}
