using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MixpanelSync.Events.Schema;
using MixpanelSync.Events.Storage.Postgres;
using MixpanelSync.Events.Storage.Sqlite;

namespace MixpanelSync.Events.Storage;

/// <summary>
/// Registers an <see cref="IEventStore"/> and the <see cref="BrandEventParser"/>. The host must still call
/// <see cref="IEventStore.EnsureCreatedAsync"/> once at start-up, before the first append or read.
/// </summary>
public static class EventStoreServiceCollectionExtensions
{
    /// <summary>Registers the embedded SQLite store; the options are validated at start-up.</summary>
    public static IServiceCollection AddSqliteEventStore(
        this IServiceCollection services,
        Action<SqliteEventStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<SqliteEventStoreOptions>()
            .Configure(configure)
            .Validate(options => !string.IsNullOrWhiteSpace(options.DatabasePath), "DatabasePath is required.")
            .ValidateOnStart();
        services.TryAddSingleton<SqliteEventStore>();
        return AddCommon(services, provider => provider.GetRequiredService<SqliteEventStore>());
    }

    /// <summary>Registers the PostgreSQL store; the options are validated at start-up.</summary>
    public static IServiceCollection AddPostgresEventStore(
        this IServiceCollection services,
        Action<PostgresEventStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<PostgresEventStoreOptions>()
            .Configure(configure)
            .Validate(options => !string.IsNullOrWhiteSpace(options.ConnectionString), "ConnectionString is required.")
            .ValidateOnStart();
        services.TryAddSingleton<PostgresEventStore>();
        return AddCommon(services, provider => provider.GetRequiredService<PostgresEventStore>());
    }

    private static IServiceCollection AddCommon(
        IServiceCollection services,
        Func<IServiceProvider, IEventStore> store)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<BrandEventParser>();
        services.AddSingleton(store);
        return services;
    }
}
