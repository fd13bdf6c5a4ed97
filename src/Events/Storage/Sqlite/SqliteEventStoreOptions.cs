using System.ComponentModel.DataAnnotations;

namespace MixpanelSync.Events.Storage.Sqlite;

/// <summary>Settings of the embedded SQLite event store.</summary>
public sealed class SqliteEventStoreOptions
{
    /// <summary>The path of the database file; the file and its folder are created if missing.</summary>
    /// <value>Defaults to <c>data/events.db</c>, relative to the working directory.</value>
    [Required]
    public string DatabasePath { get; set; } = Path.Combine("data", "events.db");

    /// <summary>
    /// The write-ahead log size, in bytes, at which the store checkpoints the log into the database file and
    /// truncates it, after the append that passed it.
    /// </summary>
    /// <value>Defaults to 64 MiB.</value>
    [Range(1, long.MaxValue)]
    public long WalCheckpointBytes { get; set; } = 64L * 1024 * 1024;
}
