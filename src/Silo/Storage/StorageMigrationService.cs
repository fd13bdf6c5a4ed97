using MixpanelSync.Events.Storage;

namespace MixpanelSync.Silo.Storage;

/// <summary>
/// Applies the Orleans schema before the silo starts. It is registered ahead of the silo, and hosted services
/// start in registration order, so the providers find their tables and queries when they initialise.
/// </summary>
internal sealed partial class StorageMigrationService(
    SiloStorageSettings settings,
    IEventStore eventStore,
    ILogger<StorageMigrationService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (settings.Invariant == OrleansSchemaMigrator.PostgresInvariant)
        {
            await OrleansSchemaMigrator.ApplyPostgresAsync(settings.ConnectionString, cancellationToken);
        }
        else
        {
            await OrleansSchemaMigrator.ApplySqliteAsync(settings.ConnectionString, cancellationToken);
        }

        await eventStore.EnsureCreatedAsync(cancellationToken);
        LogSchemaApplied(logger, settings.Invariant, settings.Description);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(1001, LogLevel.Information, "Orleans schema is up to date ({Invariant}, {Database})")]
    private static partial void LogSchemaApplied(ILogger logger, string invariant, string database);
}
