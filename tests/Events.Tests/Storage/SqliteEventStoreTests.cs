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

    [Fact]
    public async Task AppendAsync_SustainedWithReader_BoundsLogSize()
    {
        // 200 appends of 250 events write about 20 times the checkpoint size into the log. The store checks the
        // log after each append, so the log can pass the checkpoint size by at most one append's frames. The test
        // checks that one append of 250 events writes under 1 MiB of frames, so 2 MiB of margin leaves room.
        const long checkpointBytes = 1024 * 1024;
        const long maxLogBytes = checkpointBytes + 2 * 1024 * 1024;
        const int appends = 200;
        const int eventsPerAppend = 250;
        await using var store = new SqliteEventStore(
            Options.Create(new SqliteEventStoreOptions
            {
                DatabasePath = DatabasePath,
                WalCheckpointBytes = checkpointBytes,
            }),
            Time,
            NullLogger<SqliteEventStore>.Instance);
        await store.EnsureCreatedAsync();
        var brandId = $"brand-{Guid.NewGuid():N}";
        using var stop = new CancellationTokenSource();
        var sync = Task.Run(() => FollowLikeSyncAsync(store, brandId, stop.Token));

        long maxObservedLogBytes = 0;
        long maxAppendLogBytes = 0;
        for (var append = 0; append < appends; append++)
        {
            var events = Enumerable.Range(0, eventsPerAppend)
                .Select(i => NewLargeEvent($"e-{append}-{i}"))
                .ToList();
            var before = LogBytes();
            await store.AppendAsync(brandId, events);
            var after = LogBytes();
            maxObservedLogBytes = Math.Max(maxObservedLogBytes, after);
            maxAppendLogBytes = Math.Max(maxAppendLogBytes, after - before);
        }

        await stop.CancelAsync();
        var eventsRead = await sync;

        Assert.True(
            new FileInfo(DatabasePath).Length > 10 * checkpointBytes,
            $"The database file is {new FileInfo(DatabasePath).Length} bytes, too small to test the log size.");
        Assert.True(eventsRead > eventsPerAppend, $"The concurrent reader read only {eventsRead} events.");
        Assert.True(
            maxAppendLogBytes < 1024 * 1024,
            $"One append grew the write-ahead log by {maxAppendLogBytes} bytes; the margin assumes under 1 MiB.");
        Assert.True(
            maxObservedLogBytes <= maxLogBytes,
            $"The write-ahead log reached {maxObservedLogBytes} bytes; the bound is {maxLogBytes}.");
    }

    /// <summary>
    /// Reads the brand's pages after a moving cursor until cancelled, as a sync run does; returns the events read.
    /// </summary>
    private static async Task<long> FollowLikeSyncAsync(
        SqliteEventStore store,
        string brandId,
        CancellationToken cancellationToken)
    {
        long cursor = 0;
        long eventsRead = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var highWaterMark = await store.GetHighWaterMarkAsync(brandId, CancellationToken.None);
            var page = await store.ReadPageAsync(brandId, cursor, highWaterMark, 1_000, CancellationToken.None);
            if (page.Count == 0)
            {
                await Task.Delay(5, CancellationToken.None);
                continue;
            }

            cursor = page[^1].Sequence;
            eventsRead += page.Count;
        }

        return eventsRead;
    }

    private long LogBytes()
    {
        var log = new FileInfo(DatabasePath + "-wal");
        return log.Exists ? log.Length : 0;
    }

    private BrandEvent NewLargeEvent(string eventId) => new()
    {
        EventId = eventId,
        Type = BrandEventTypes.VideoView,
        OccurredAt = Time.GetUtcNow(),
        UserId = $"user-{eventId}",
        DeviceId = $"device-{eventId}",
        Properties = new Dictionary<string, object?>
        {
            ["video_id"] = $"video-{eventId}",
            ["title"] = new string('t', 200),
            ["watch_time_ms"] = 12000L,
        },
    };

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
