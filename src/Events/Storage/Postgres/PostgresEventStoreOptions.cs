using System.ComponentModel.DataAnnotations;

namespace MixpanelSync.Events.Storage.Postgres;

/// <summary>Settings of the PostgreSQL event store used in cluster mode.</summary>
public sealed class PostgresEventStoreOptions
{
    /// <summary>The Npgsql connection string of the database that contains the event store's tables.</summary>
    [Required]
    public string ConnectionString { get; set; } = "";
}
