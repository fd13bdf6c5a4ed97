using Microsoft.Extensions.Diagnostics.HealthChecks;
using MixpanelSync.Silo.Health;
using MixpanelSync.Silo.Storage;
using MixpanelSync.Testing.Postgres;

namespace MixpanelSync.Silo.Tests.Health;

public sealed class DatabaseReadinessCheckTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Check_PostgresAnswers_IsHealthy()
    {
        var check = new DatabaseReadinessCheck(
            new SiloStorageSettings(OrleansSchemaMigrator.PostgresInvariant, database.ConnectionString, "test", ""));

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    [Fact]
    public async Task Check_PostgresUnreachable_IsUnhealthyWithReason()
    {
        var unreachable = $"Host=127.0.0.1;Port={Testing.Processes.FreePorts.Next()};Username=nobody;Timeout=3";
        var check = new DatabaseReadinessCheck(
            new SiloStorageSettings(OrleansSchemaMigrator.PostgresInvariant, unreachable, "PostgreSQL test", ""));

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.StartsWith("PostgreSQL test does not answer", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_SqliteFileInMissingFolder_IsUnhealthy()
    {
        var missing = $"Data Source={Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "x.db")}";
        var check = new DatabaseReadinessCheck(
            new SiloStorageSettings(OrleansSchemaMigrator.SqliteInvariant, missing, "SQLite test", ""));

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
    }
}
