using Microsoft.Extensions.Options;
using MixpanelSync.Silo.Health;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace MixpanelSync.Silo.Hosting;

/// <summary>Composes the silo process: configuration, the Orleans silo, health checks and endpoints.</summary>
public static class SyncHostExtensions
{
    /// <summary>The path prefix of the Orleans dashboard.</summary>
    public const string DashboardPath = "/dashboard";

    private static readonly Dictionary<string, string> CommandLineSwitches = new(StringComparer.Ordinal)
    {
        ["--mode"] = "Sync:Mode",
        ["--data-directory"] = "Sync:DataDirectory",
        ["--silo-port"] = "Sync:SiloPort",
        ["--gateway-port"] = "Sync:GatewayPort",
        ["--postgres"] = "Sync:PostgresConnectionString",
    };

    /// <summary>Registers the silo, its options and health checks on the web application builder.</summary>
    public static WebApplicationBuilder AddSyncHost(this WebApplicationBuilder builder, string[] args)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Configuration.AddCommandLine(args, CommandLineSwitches);

        builder.Services
            .AddOptions<SyncHostOptions>()
            .Bind(builder.Configuration.GetSection(SyncHostOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SyncHostOptions>, SyncHostOptionsValidator>();

        var options = ReadOptions(builder.Configuration);
        builder.UseOrleans(silo => ConfigureSilo(silo, options));

        builder.Services
            .AddHealthChecks()
            .AddCheck<SiloReadinessCheck>("silo", tags: ["ready"]);
        return builder;
    }

    /// <summary>Maps the health endpoints and the dashboard.</summary>
    public static WebApplication MapSyncHost(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        app.MapHealthChecks("/health", new() { ResponseWriter = HealthResponseWriter.WriteAsync });
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new()
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        });
        app.MapOrleansDashboard(routePrefix: DashboardPath);
        return app;
    }

    private static SyncHostOptions ReadOptions(IConfiguration configuration)
    {
        // Orleans is configured before the container exists, so the options are bound here once more. The
        // registered validator still runs at start-up and reports every invalid value with its fix.
        var options = new SyncHostOptions();
        configuration.GetSection(SyncHostOptions.SectionName).Bind(options);
        return options;
    }

    private static void ConfigureSilo(ISiloBuilder silo, SyncHostOptions options)
    {
        silo.Configure<ClusterOptions>(cluster =>
        {
            cluster.ClusterId = options.ClusterId;
            cluster.ServiceId = options.ServiceId;
        });
        silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, null, options.ServiceId, options.ClusterId);

        // TODO: embedded mode keeps grain state and reminders in memory until the SQLite providers are wired.
        silo.AddMemoryGrainStorageAsDefault();
        silo.UseInMemoryReminderService();
        silo.AddDashboard();
    }
}
