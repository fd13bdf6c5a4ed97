using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using MixpanelSync.Api.Hosting;
using MixpanelSync.MixpanelEmulator;
using MixpanelSync.Silo.Hosting;

namespace MixpanelSync.Silo.Demo;

/// <summary>
/// The demo's processes-in-one: a Mixpanel emulator with one project per demo brand, and the silo composed by
/// <see cref="SyncHostExtensions.AddSyncHost"/> in embedded mode with its data in a fresh temporary folder and
/// its Mixpanel base addresses pointing at the emulator. Everything listens on 127.0.0.1.
/// </summary>
internal sealed class DemoHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly bool _keepData;

    private DemoHost(
        WebApplication app,
        MixpanelEmulatorHost emulator,
        IReadOnlyList<DemoDataset> datasets,
        string dataDirectory,
        bool keepData)
    {
        _app = app;
        _keepData = keepData;
        Emulator = emulator;
        Datasets = datasets;
        DataDirectory = dataDirectory;
        var hostOptions = app.Services.GetRequiredService<IOptions<SyncHostOptions>>().Value;
        SiloPort = hostOptions.SiloPort;
        GatewayPort = hostOptions.GatewayPort;
        BaseAddress = new Uri(app.Urls.First());
    }

    public MixpanelEmulatorHost Emulator { get; }

    public IReadOnlyList<DemoDataset> Datasets { get; }

    /// <summary>The silo's SQLite files, Data Protection keys and generated operator key.</summary>
    public string DataDirectory { get; }

    /// <summary>The address of the API, the dashboard and the demo pages.</summary>
    public Uri BaseAddress { get; }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Cancelled when Ctrl+C or SIGTERM stops the host.</summary>
    public CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    /// <summary>Starts the emulator and the silo and returns once both accept requests.</summary>
    public static async Task<DemoHost> StartAsync(
        DemoOptions options,
        IReadOnlyList<DemoDataset> datasets,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(datasets);
        var emulatorOptions = new MixpanelEmulatorOptions();
        foreach (var dataset in datasets)
        {
            emulatorOptions.Projects.Add(new EmulatorProject(dataset.ProjectToken)
            {
                Residency = dataset.EmulatorResidency,
            });
        }

        var emulator = await MixpanelEmulatorHost.StartAsync(emulatorOptions, cancellationToken);
        var dataDirectory = Directory.CreateTempSubdirectory("mixpanel-sync-demo-").FullName;
        WebApplication? app = null;
        try
        {
            app = Build(options, Settings(options, emulator, dataDirectory));
            app.MapDemoEndpoints(emulator, datasets);
            await app.StartAsync(cancellationToken);
            return new DemoHost(app, emulator, datasets, dataDirectory, options.KeepData);
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            await emulator.DisposeAsync();
            Directory.Delete(dataDirectory, recursive: true);
            throw;
        }
    }

    /// <summary>Returns where the operator key comes from, with all but its last 4 characters left out.</summary>
    public string DescribeOperatorKey()
    {
        var options = Services.GetRequiredService<IOptions<ApiOptions>>().Value;
        if (!string.IsNullOrEmpty(options.OperatorKey))
        {
            return $"set by Api:OperatorKey (ends in {Suffix(options.OperatorKey)})";
        }

        var file = options.OperatorKeyFile!;
        var key = File.Exists(file) ? File.ReadAllText(file).Trim() : string.Empty;
        return $"{file} (ends in {Suffix(key)})";
    }

    /// <summary>Waits until Ctrl+C or SIGTERM stops the host.</summary>
    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            await _app.StopAsync(timeout.Token);
        }

        await _app.DisposeAsync();
        await Emulator.DisposeAsync();

        // Pooled SQLite connections keep the files open, which stops the deletion on Windows.
        SqliteConnection.ClearAllPools();
        if (!_keepData)
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }

    private static WebApplication Build(DemoOptions options, IReadOnlyDictionary<string, string?> settings)
    {
        string[] hostArguments = [.. options.HostArguments];
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = hostArguments,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });

        // The demo's settings override appsettings.json, and arguments after them override the demo's.
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Configuration.AddCommandLine(hostArguments);
        builder.AddSyncHost(hostArguments);

        var app = builder.Build();
        app.MapSyncHost();
        return app;
    }

    private static Dictionary<string, string?> Settings(
        DemoOptions options,
        MixpanelEmulatorHost emulator,
        string dataDirectory) => new()
        {
            ["Urls"] = $"http://127.0.0.1:{ChoosePort(options.Port)}",
            ["Sync:Mode"] = nameof(HostingMode.Embedded),
            ["Sync:DataDirectory"] = dataDirectory,
            ["Sync:SiloPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["Sync:GatewayPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["MixpanelSync:UsBaseAddress"] = emulator.GetBaseAddress(EmulatorResidency.Us).ToString(),
            ["MixpanelSync:EuBaseAddress"] = emulator.GetBaseAddress(EmulatorResidency.Eu).ToString(),
            ["MixpanelSync:IndiaBaseAddress"] = emulator.GetBaseAddress(EmulatorResidency.India).ToString(),

            // The demo prints its own progress and the operator key's file, which the service's logs would bury.
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Orleans"] = "Error",
            ["Logging:LogLevel:MixpanelSync.Api.Authentication"] = "Error",
            ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",
        };

    private static int ChoosePort(int? requested)
    {
        if (requested is { } port)
        {
            return port;
        }

        try
        {
            using var probe = new TcpListener(IPAddress.Loopback, DemoOptions.DefaultPort);
            probe.Start();
            return DemoOptions.DefaultPort;
        }
        catch (SocketException)
        {
            // Kestrel binds port 0 to a free port and reports the one it chose.
            return 0;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Suffix(string key) => key.Length > 8 ? key[^4..] : "(too short to show)";
}
