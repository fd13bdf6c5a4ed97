using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging.Abstractions;

namespace MixpanelSync.MixpanelEmulator;

/// <summary>
/// A running Mixpanel ingestion emulator: Kestrel on 127.0.0.1 with plain HTTP and HTTPS listeners for each
/// residency, serving /import, /track, /engage, /groups and the /_emulator inspection API.
/// </summary>
/// <example>
/// <code>
/// var options = new MixpanelEmulatorOptions();
/// options.Projects.Add(new EmulatorProject("token-1"));
/// await using var emulator = await MixpanelEmulatorHost.StartAsync(options);
/// using var client = new HttpClient { BaseAddress = emulator.GetBaseAddress(EmulatorResidency.Us) };
/// // ... POST /import ...
/// var events = emulator.GetDeduplicatedEvents("token-1");
/// </code>
/// </example>
public sealed partial class MixpanelEmulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorRuntime _runtime;
    private int _disposed;

    private MixpanelEmulatorHost(WebApplication app, EmulatorRuntime runtime, X509Certificate2 certificate)
    {
        _app = app;
        _runtime = runtime;
        Certificate = certificate;
    }

    /// <summary>Certificate of the HTTPS listeners; self-signed unless the options supplied one.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The certificate in PEM form, for NODE_EXTRA_CA_CERTS or curl --cacert.</summary>
    public string CertificatePem => Certificate.ExportCertificatePem();

    /// <summary>Starts an emulator and returns once every listener accepts connections.</summary>
    /// <param name="options">Settings; <see langword="null"/> for defaults with no projects.</param>
    /// <param name="cancellationToken">Cancels start-up.</param>
    public static async Task<MixpanelEmulatorHost> StartAsync(
        MixpanelEmulatorOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new MixpanelEmulatorOptions();
        options.Validate();
        var certificate = options.Certificate ?? EmulatorCertificate.Get();
        var loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var listeners = new ListenerMap(options.BasePort);
        var logger = loggerFactory.CreateLogger("MixpanelSync.MixpanelEmulator");
        var runtime = new EmulatorRuntime(options, listeners, certificate, logger);
        var app = Build(runtime, certificate, loggerFactory);
        await app.StartAsync(cancellationToken);
        listeners.ReadBoundPorts();

        var host = new MixpanelEmulatorHost(app, runtime, certificate);
        foreach (var project in options.Projects)
        {
            host.AddProject(project);
        }

        Log.Started(runtime.Logger, string.Join(", ", listeners.All.Select(Describe)));
        return host;
    }

    /// <summary>Returns the plain-HTTP base address that stands for a residency's ingestion host.</summary>
    public Uri GetBaseAddress(EmulatorResidency residency = EmulatorResidency.Us) =>
        _runtime.Listeners.Get(residency, isHttps: false).BaseAddress;

    /// <summary>Returns the HTTPS base address of a residency; clients must trust <see cref="Certificate"/>.</summary>
    public Uri GetHttpsBaseAddress(EmulatorResidency residency = EmulatorResidency.Us) =>
        _runtime.Listeners.Get(residency, isHttps: true).BaseAddress;

    /// <summary>
    /// Creates an HttpClient for a residency that does not follow redirects; with HTTPS it trusts
    /// <see cref="Certificate"/> alone.
    /// </summary>
    public HttpClient CreateHttpClient(EmulatorResidency residency = EmulatorResidency.Us, bool useHttps = false)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AllowAutoRedirect = false,
        };
        if (useHttps)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) =>
                presented is not null && presented.GetCertHashString() == Certificate.GetCertHashString();
        }

        var baseAddress = useHttps ? GetHttpsBaseAddress(residency) : GetBaseAddress(residency);
        return new HttpClient(handler) { BaseAddress = baseAddress };
    }

    /// <summary>Stops the listeners; requests left hanging by fault injection are aborted.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _runtime.SignalStopping();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
        Log.Stopped(_runtime.Logger);
    }

    private static WebApplication Build(
        EmulatorRuntime runtime,
        X509Certificate2 certificate,
        ILoggerFactory loggerFactory)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new ForwardingLoggerProvider(loggerFactory));

        // ASP.NET Core logs request URLs at Information, and a GET /track URL carries the project token.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddSingleton(runtime);
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(
            json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.WebHost.ConfigureKestrel(kestrel => ConfigureKestrel(kestrel, runtime.Listeners, certificate));
        var app = builder.Build();
        app.MapIngestionEndpoints(runtime);
        app.MapInspectionEndpoints(runtime);
        return app;
    }

    private static void ConfigureKestrel(
        KestrelServerOptions kestrel,
        ListenerMap listeners,
        X509Certificate2 certificate)
    {
        kestrel.AddServerHeader = false;
        kestrel.Limits.MaxRequestBodySize = null;
        foreach (var listener in listeners.All)
        {
            kestrel.Listen(IPAddress.Loopback, listener.Port, listenOptions =>
            {
                if (listener.IsHttps)
                {
                    listenOptions.UseHttps(certificate);
                }

                listener.Binding = listenOptions;
            });
        }
    }

    private static string Describe(ListenerInfo listener) =>
        $"{listener.BaseAddress} ({ResidencyHosts.Of(listener.Residency)})";
}
