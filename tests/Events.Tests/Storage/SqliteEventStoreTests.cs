using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MixpanelSync.Events.Storage;
using MixpanelSync.Events.Storage.Sqlite;

namespace MixpanelSync.Events.Tests.Storage;

public sealed class SqliteEventStoreTests : EventStoreContractTests
{
    private readonly string _directory = Directory.CreateTempSubdirectory("events-sqlite-").FullName;

    private string DatabasePath => Path.Combine(_directory, "nested", "events.db");

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

    [Fact]
    public async Task EnsureCreatedAsync_OldDeadLettersTable_AddsMessageColumn()
    {
        var newEvent = new BrandEvent
        {
            EventId = "new",
            Type = BrandEventTypes.Like,
            OccurredAt = Time.GetUtcNow(),
            UserId = "u",
        };
        var path = Path.Combine(_directory, "nested", "events.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText =
                """
                CREATE TABLE dead_letters (
                    id INTEGER PRIMARY KEY AUTOINCREMENT, brand_id TEXT NOT NULL, sequence INTEGER NOT NULL,
                    event_id TEXT NOT NULL, user_id TEXT NULL, device_id TEXT NULL, payload TEXT NOT NULL,
                    reason TEXT NOT NULL, field TEXT NULL, run_id TEXT NULL, created_at INTEGER NOT NULL,
                    replayed_at INTEGER NULL);
                INSERT INTO dead_letters (brand_id, sequence, event_id, payload, reason, created_at)
                VALUES ('brand', 1, 'old', @payload, 'rejected by Mixpanel', 0);
                """;
            command.Parameters.AddWithValue("@payload", BrandEventJson.Serialize(newEvent with { EventId = "old" }));
            await command.ExecuteNonQueryAsync();
        }

        var store = await CreateStoreAsync();
        await store.AddDeadLettersAsync(
            "brand",
            [new RejectedEvent(2, newEvent, "rejected by Mixpanel", "properties.time", "run", "too far ahead")]);
        var letters = await store.ListDeadLettersAsync("brand", DeadLetterFilter.All, 0, 10);

        Assert.Equal(["old", "new"], letters.Select(letter => letter.Event.EventId));
        Assert.Null(letters[0].Message);
        Assert.Equal("too far ahead", letters[1].Message);
    }

    private protected override async Task<string> ExplainCountAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + RelationalEventStore.CountEventsSql;
        command.Parameters.AddWithValue("@brand", "brand");
        command.Parameters.AddWithValue("@from", 0L);
        command.Parameters.AddWithValue("@until", long.MaxValue);
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }

        return string.Join('\n', plan);
    }

    private protected override RelationalEventStore CreateStore(TimeProvider timeProvider) =>
        new SqliteEventStore(
            Options.Create(new SqliteEventStoreOptions
            {
                DatabasePath = DatabasePath,
            }),
            timeProvider,
            NullLogger<SqliteEventStore>.Instance);
}
