using System.ComponentModel.DataAnnotations;

namespace MixpanelSync.Events.Storage.Sqlite;

/// <summary>Settings of the embedded SQLite event store.</summary>
public sealed class SqliteEventStoreOptions
{
    /// <summary>The path of the database file; the file and its folder are created if missing.</summary>
    /// <value>Defaults to <c>data/events.db</c>, relative to the working directory.</value>
    [Required]
    public string DatabasePath { get; set; } = Path.Combine("data", "events.db");
}
