using System.Collections.Concurrent;
using Npgsql;

namespace MixpanelSync.Events.Storage.Postgres;

/// <summary>
/// Tells failures of the connection to PostgreSQL apart from other errors, and clears Npgsql's connection pools
/// after one.
/// </summary>
/// <remarks>
/// Npgsql does not check a pooled connection before handing it out, so after the server restarts every idle
/// connection to the old server fails on its next use. Clearing the pools after the first such failure lets the
/// following calls open fresh connections instead of each meeting a dead one.
/// </remarks>
public static class PostgresConnectionFailures
{
    private static readonly ConcurrentDictionary<NpgsqlDataSource, byte> DataSources = new();

    /// <summary>
    /// Returns whether <paramref name="exception"/> or one of its inner exceptions is a lost or refused
    /// connection: an I/O or timeout failure that Npgsql marks transient, or a server error of SQLSTATE class 08
    /// (connection exception) or 57P (the server shutting down or starting up).
    /// </summary>
    public static bool IsConnectionFailure(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException server when server.SqlState.StartsWith("08", StringComparison.Ordinal)
                    || server.SqlState.StartsWith("57P", StringComparison.Ordinal):
                    return true;
                case PostgresException:
                    return false;
                case NpgsqlException client when client.IsTransient:
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Closes the idle connections of every Npgsql pool in this process: the event store's data sources and the
    /// pools of the connections that Orleans opens by connection string.
    /// </summary>
    public static void ClearPools()
    {
        NpgsqlConnection.ClearAllPools();
        foreach (var dataSource in DataSources.Keys)
        {
            dataSource.Clear();
        }
    }

    internal static void Track(NpgsqlDataSource dataSource) => DataSources.TryAdd(dataSource, 0);

    internal static void Forget(NpgsqlDataSource dataSource) => DataSources.TryRemove(dataSource, out _);
}
