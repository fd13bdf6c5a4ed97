using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace MixpanelSync.Events.Storage.Sqlite;

/// <remarks>
/// SQLite's automatic checkpoints are passive, so they never wait for readers. SQLite starts the log over only
/// when a write begins while every frame is checkpointed and no reader sees a snapshot in the log. While appends
/// follow each other and sync runs read pages, that moment rarely comes, and the file grows with every append.
/// The store therefore truncates the log itself once it passes
/// <see cref="SqliteEventStoreOptions.WalCheckpointBytes"/>.
/// </remarks>
public sealed partial class SqliteEventStore
{
    /// <summary>
    /// The maximum time a checkpoint waits for readers that still see a snapshot in the log, in milliseconds. No
    /// append of this store runs meanwhile, because the checkpoint holds the write lock.
    /// </summary>
    private const int CheckpointBusyTimeoutMs = 2_000;

    private readonly long _walCheckpointBytes;

    private protected override async Task AfterAppendCommitAsync(
        DbConnection connection,
        CancellationToken cancellationToken)
    {
        var log = new FileInfo(_databasePath + "-wal");
        if (!log.Exists || log.Length < _walCheckpointBytes)
        {
            return;
        }

        // Microsoft.Data.Sqlite waits for busy locks by sleeping on the calling thread, so the wait for
        // readers runs on a pool thread.
        await Task.Run(() => TruncateLog((SqliteConnection)connection, log.Length), cancellationToken);
    }

    private void TruncateLog(SqliteConnection connection, long logBytes)
    {
        var previousTimeout = ExecuteInt64(connection, "PRAGMA busy_timeout");
        ExecuteInt64(connection, $"PRAGMA busy_timeout = {CheckpointBusyTimeoutMs}");
        try
        {
            // TRUNCATE copies every frame into the database file, waits for readers to leave the log and then
            // truncates it to zero bytes. Its single row is (busy, log frames, checkpointed frames).
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            using var reader = command.ExecuteReader();
            reader.Read();
            if (reader.GetInt64(0) != 0)
            {
                StoreLog.WalCheckpointBusy(Logger, _databasePath, logBytes, CheckpointBusyTimeoutMs);
                return;
            }

            StoreLog.WalCheckpointed(Logger, _databasePath, logBytes, reader.GetInt64(1));
        }
        finally
        {
            ExecuteInt64(
                connection,
                "PRAGMA busy_timeout = " + previousTimeout.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static long ExecuteInt64(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
