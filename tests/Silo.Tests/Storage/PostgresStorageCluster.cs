using MixpanelSync.Silo.Storage;
using MixpanelSync.Testing.Cluster;
using MixpanelSync.Testing.Postgres;

namespace MixpanelSync.Silo.Tests.Storage;

/// <summary>
/// A two-silo cluster that keeps grain state and reminders in its own PostgreSQL database, as in cluster mode.
/// Membership stays with the test cluster's own table; the cluster-mode process tests cover it on PostgreSQL.
/// </summary>
public sealed class PostgresStorageCluster : TestClusterFixture
{
    private readonly PostgresDatabase _database = new();

    public string ConnectionString => _database.ConnectionString;

    protected override async Task PrepareAsync()
    {
        await _database.InitializeAsync();
        await OrleansSchemaMigrator.ApplyPostgresAsync(ConnectionString, CancellationToken.None);
    }

    protected override void ConfigureStorage(ISiloBuilder silo)
    {
        silo.AddAdoNetGrainStorageAsDefault(options =>
        {
            options.Invariant = OrleansSchemaMigrator.PostgresInvariant;
            options.ConnectionString = ConnectionString;
        });
        silo.UseAdoNetReminderService(options =>
        {
            options.Invariant = OrleansSchemaMigrator.PostgresInvariant;
            options.ConnectionString = ConnectionString;
        });
    }
}
