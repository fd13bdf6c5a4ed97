using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MixpanelSync.Events.Storage;
using MixpanelSync.Events.Storage.Sqlite;

namespace MixpanelSync.Events.Tests.Storage;

public sealed class SqliteEventStoreTests : EventStoreContractTests
{
    private readonly string _directory = Directory.CreateTempSubdirectory("events-sqlite-").FullName;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task EnsureCreatedAsync_NewFile_UsesWriteAheadLog()
    {
        var store = await CreateStoreAsync();
        await store.AppendAsync("brand", [new BrandEvent
        {
            EventId = "e",
            Type = BrandEventTypes.Like,
            OccurredAt = Time.GetUtcNow(),
            UserId = "u",
        }]);

        Assert.True(File.Exists(Path.Combine(_directory, "nested", "events.db-wal")));
    }

    [Fact]
    public async Task EnsureCreatedAsync_OldRunsTable_AddsProfileColumns()
    {
        var path = Path.Combine(_directory, "nested", "events.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText =
                """
                CREATE TABLE sync_runs (
                    run_id TEXT PRIMARY KEY, brand_id TEXT NOT NULL, trigger TEXT NOT NULL,
                    started_at INTEGER NOT NULL, ended_at INTEGER NULL, cursor_from INTEGER NOT NULL,
                    high_water_mark INTEGER NOT NULL, events_read INTEGER NOT NULL, events_skipped INTEGER NOT NULL,
                    events_sent INTEGER NOT NULL, events_imported INTEGER NOT NULL,
                    rejected_by_reason TEXT NOT NULL, retries INTEGER NOT NULL, bytes_sent INTEGER NOT NULL,
                    outcome TEXT NOT NULL, error TEXT NULL);
                INSERT INTO sync_runs VALUES
                    ('old-run', 'brand', 'Manual', 0, 1000, 0, 5, 5, 0, 5, 5, '{}', 0, 100, 'Succeeded', NULL);
                """;
            await command.ExecuteNonQueryAsync();
        }

        var store = await CreateStoreAsync();
        await store.SaveRunAsync(new RunRecord
        {
            RunId = "new-run",
            BrandId = "brand",
            Trigger = RunTrigger.Manual,
            StartedAt = Time.GetUtcNow(),
            ProfilesSent = 7,
        });
        var runs = await store.ListRunsAsync("brand", 10);

        Assert.Equal(0, runs.Single(run => run.RunId == "old-run").ProfilesSent);
        Assert.Equal(7, runs.Single(run => run.RunId == "new-run").ProfilesSent);
    }

    private protected override RelationalEventStore CreateStore(TimeProvider timeProvider) =>
        new SqliteEventStore(
            Options.Create(new SqliteEventStoreOptions
            {
                DatabasePath = Path.Combine(_directory, "nested", "events.db"),
            }),
            timeProvider,
            NullLogger<SqliteEventStore>.Instance);
}
