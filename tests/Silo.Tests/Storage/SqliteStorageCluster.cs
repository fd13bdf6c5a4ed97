using Microsoft.Data.Sqlite;
using MixpanelSync.Silo.Storage;
using MixpanelSync.Testing.Cluster;

namespace MixpanelSync.Silo.Tests.Storage;

/// <summary>A two-silo cluster whose grain state and reminders live in one SQLite file, as in embedded mode.</summary>
public sealed class SqliteStorageCluster : TestClusterFixture
{
    private readonly string _directory = Directory.CreateTempSubdirectory("orleans-sqlite-").FullName;

    public string ConnectionString => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(_directory, "orleans.db"),
        DefaultTimeout = 30,
    }.ConnectionString;

    protected override Task PrepareAsync() =>
        OrleansSchemaMigrator.ApplySqliteAsync(ConnectionString, CancellationToken.None);

    protected override void ConfigureStorage(ISiloBuilder silo)
    {
        silo.AddAdoNetGrainStorageAsDefault(options =>
        {
            options.Invariant = OrleansSchemaMigrator.SqliteInvariant;
            options.ConnectionString = ConnectionString;
        });
        silo.UseAdoNetReminderService(options =>
        {
            options.Invariant = OrleansSchemaMigrator.SqliteInvariant;
            options.ConnectionString = ConnectionString;
        });
    }
}
