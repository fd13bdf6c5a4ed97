using Microsoft.Extensions.Options;
using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MixpanelSync.Api;
using MixpanelSync.Events.Storage;
using MixpanelSync.Events.Storage.Postgres;
using MixpanelSync.Events.Storage.Sqlite;
using MixpanelSync.Grains.Hosting;
using MixpanelSync.Silo.Health;
using MixpanelSync.Silo.Storage;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace MixpanelSync.Silo.Hosting;

/// <summary>Composes the silo process: configuration, the Orleans silo, health checks and endpoints.</summary>
public static class SyncHostExtensions
{
    /// <summary>The path prefix of the Orleans dashboard.</summary>
    public const string DashboardPath = "/dashboard";

    /// <summary>The max number of grain locations each silo caches.</summary>
    internal const int GrainDirectoryCacheSize = 100_000;

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
        var storage = SiloStorageSettings.From(options, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(storage);
        if (options.ClockOffset != TimeSpan.Zero)
        {
            builder.Services.AddSingleton(new SyncClock(new OffsetTimeProvider(options.ClockOffset)));
        }

        AddEventStore(builder.Services, options, storage);
        AddKeyRing(builder.Services, options, storage);

        // Registered before the silo: hosted services start in order, and the providers need the schema.
        builder.Services.AddHostedService<StorageMigrationService>();
        builder.UseOrleans(silo => ConfigureSilo(silo, builder.Configuration, options, storage));

        builder.Services.AddSyncTelemetry();
        builder.Services
            .AddHealthChecks()
            .AddCheck<SiloReadinessCheck>("silo", tags: ["ready"])
            .AddCheck<DatabaseReadinessCheck>("database", tags: ["ready"]);
        builder.Services.AddSyncApi(builder.Configuration);
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
        app.MapLazyOrleansDashboard(DashboardPath).RequireOperatorKey();

        app.MapSyncMetrics().RequireOperatorKey();
        app.MapSyncApi();
        return app;
    }

    /// <summary>Binds and validates the settings now, because Orleans' providers are configured from them.</summary>
    /// <exception cref="OptionsValidationException">
    /// A setting is invalid. The message names each invalid setting and its fix.
    /// </exception>
    private static SyncHostOptions ReadOptions(IConfiguration configuration)
    {
        var options = new SyncHostOptions();
        configuration.GetSection(SyncHostOptions.SectionName).Bind(options);

        var failures = new List<string>();
        var annotations = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), annotations, true))
        {
            failures.AddRange(annotations.Select(result =>
                $"Sync:{string.Join(", Sync:", result.MemberNames)}: {result.ErrorMessage}"));
        }

        var rules = new SyncHostOptionsValidator().Validate(null, options);
        if (rules.Failed)
        {
            failures.AddRange(rules.Failures);
        }

        return failures.Count == 0
            ? options
            : throw new OptionsValidationException(SyncHostOptions.SectionName, typeof(SyncHostOptions), failures);
    }

    private static void ConfigureSilo(
        ISiloBuilder silo,
        IConfiguration configuration,
        SyncHostOptions options,
        SiloStorageSettings storage)
    {
        silo.Configure<ClusterOptions>(cluster =>
        {
            cluster.ClusterId = options.ClusterId;
            cluster.ServiceId = options.ServiceId;
        });

        // The cache of grain locations is sized for its maximum up front: with Orleans' default, two arrays of
        // 9.3 MB each. This service activates a grain per brand plus a few shared ones.
        silo.Configure<GrainDirectoryOptions>(directory => directory.CacheSize = GrainDirectoryCacheSize);

        if (options.Mode == HostingMode.Cluster)
        {
            // An invalid address is reported by the options validator when the host starts.
            var advertised = IPAddress.TryParse(options.AdvertisedAddress, out var parsed)
                ? parsed
                : IPAddress.Loopback;
            silo.ConfigureEndpoints(
                advertised,
                options.SiloPort,
                options.GatewayPort,
                listenOnAnyHostAddress: options.ListenOnAnyAddress);
            silo.UseAdoNetClustering(clustering =>
            {
                clustering.Invariant = storage.Invariant;
                clustering.ConnectionString = storage.ConnectionString;
            });
        }
        else
        {
            silo.UseLocalhostClustering(
                options.SiloPort, options.GatewayPort, null, options.ServiceId, options.ClusterId);
        }

        silo.AddAdoNetGrainStorageAsDefault(persistence =>
        {
            persistence.Invariant = storage.Invariant;
            persistence.ConnectionString = storage.ConnectionString;
        });
        silo.AddAdoNetGrainStorage(MixpanelSyncGrains.StorageName, persistence =>
        {
            persistence.Invariant = storage.Invariant;
            persistence.ConnectionString = storage.ConnectionString;
        });
        silo.UseAdoNetReminderService(reminders =>
        {
            reminders.Invariant = storage.Invariant;
            reminders.ConnectionString = storage.ConnectionString;
        });
        silo.AddDashboard();
        silo.AddMixpanelSyncGrains(configuration);
    }

    private static void AddEventStore(IServiceCollection services, SyncHostOptions options, SiloStorageSettings storage)
    {
        if (options.Mode == HostingMode.Cluster)
        {
            services.Configure<PostgresEventStoreOptions>(store => store.ConnectionString = storage.ConnectionString);
            services.AddSingleton<IEventStore, PostgresEventStore>();
        }
        else
        {
            services.Configure<SqliteEventStoreOptions>(store =>
                store.DatabasePath = Path.Combine(storage.DataDirectory, "events.db"));
            services.AddSingleton<IEventStore, SqliteEventStore>();
        }

        services.TryAddSingleton(TimeProvider.System);
    }

    private static void AddKeyRing(IServiceCollection services, SyncHostOptions options, SiloStorageSettings storage)
    {
        // Project tokens are encrypted with this key ring, so it must outlive restarts and, in cluster mode, be
        // the same on every silo.
        if (options.Mode == HostingMode.Cluster)
        {
            services.Configure<KeyManagementOptions>(keys =>
                keys.XmlRepository = new PostgresXmlRepository(storage.ConnectionString));
        }
        else
        {
            services.AddDataProtection()
                .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(storage.DataDirectory, "keys")));
        }
    }
}
