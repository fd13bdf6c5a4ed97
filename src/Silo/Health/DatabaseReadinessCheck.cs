using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MixpanelSync.Silo.Storage;
using Npgsql;

namespace MixpanelSync.Silo.Health;

/// <summary>
/// Reports ready only while the database that holds grain state, reminders and events answers a query, so a
/// load balancer stops sending traffic to a silo that cannot reach it.
/// </summary>
internal sealed class DatabaseReadinessCheck(SiloStorageSettings storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context,
        CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = CreateConnection();
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{storage.Description} answers.");
        }
        catch (DbException exception)
        {
            return HealthCheckResult.Unhealthy($"{storage.Description} does not answer: {exception.Message}");
        }
    }

    private DbConnection CreateConnection() => storage.Invariant == OrleansSchemaMigrator.PostgresInvariant
        ? new NpgsqlConnection(storage.ConnectionString)
        : new SqliteConnection(storage.ConnectionString);
}
