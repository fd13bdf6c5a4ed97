using Microsoft.Data.Sqlite;
using MixpanelSync.Silo.Hosting;
using Npgsql;

namespace MixpanelSync.Silo.Storage;

/// <summary>Where the silo keeps grain state and reminders, derived from the hosting mode.</summary>
/// <param name="Invariant">The ADO.NET invariant Orleans loads the driver by.</param>
/// <param name="ConnectionString">The connection string, which may hold a password: never log it.</param>
/// <param name="Description">A loggable description of the database without credentials.</param>
/// <param name="DataDirectory">The embedded mode's folder for SQLite files and keys; empty in cluster mode.</param>
internal sealed record SiloStorageSettings(
    string Invariant,
    string ConnectionString,
    string Description,
    string DataDirectory)
{
    /// <summary>The SQLite file of the embedded mode, inside the data directory.</summary>
    public const string EmbeddedFileName = "orleans.db";

    public static SiloStorageSettings From(SyncHostOptions options, string contentRoot)
    {
        if (options.Mode == HostingMode.Cluster)
        {
            var builder = new NpgsqlConnectionStringBuilder(options.PostgresConnectionString);
            return new(
                OrleansSchemaMigrator.PostgresInvariant,
                builder.ConnectionString,
                $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}",
                "");
        }

        var directory = Path.GetFullPath(options.DataDirectory, contentRoot);
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, EmbeddedFileName);
        var sqlite = new SqliteConnectionStringBuilder { DataSource = file, Pooling = true, DefaultTimeout = 30 };
        return new(OrleansSchemaMigrator.SqliteInvariant, sqlite.ConnectionString, $"SQLite {file}", directory);
    }
}
