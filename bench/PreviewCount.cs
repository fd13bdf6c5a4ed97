#:project ../src/Events/Events.csproj
#:property PublishAot=false

// Times the backfill preview's count against a full read of the brand's events, on one SQLite store.
// Usage: dotnet run bench/PreviewCount.cs -- DATABASE_PATH [EVENTS [WAL_CHECKPOINT_BYTES]]
// The store is filled on the first run and reused by later runs with the same path.
using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MixpanelSync.Events;
using MixpanelSync.Events.Storage.Sqlite;

if (args.Length is < 1 or > 3)
{
    Console.Error.WriteLine(
        "Usage: dotnet run bench/PreviewCount.cs -- DATABASE_PATH [EVENTS [WAL_CHECKPOINT_BYTES]]");
    return 2;
}

var invariant = System.Globalization.CultureInfo.InvariantCulture;
var eventCount = args.Length >= 2 ? int.Parse(args[1], invariant) : 1_000_000;
var options = new SqliteEventStoreOptions { DatabasePath = args[0] };
if (args.Length == 3)
{
    options.WalCheckpointBytes = long.Parse(args[2], invariant);
}

const string brandId = "brand-preview";
var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
await using var store = new SqliteEventStore(
    Options.Create(options),
    TimeProvider.System,
    NullLogger<SqliteEventStore>.Instance);
await store.EnsureCreatedAsync();

var stored = await store.CountEventsAsync(brandId, DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
if (stored < eventCount)
{
    // One event a minute from `start`, in appends of 5,000, while a reader pages after a cursor as a sync does.
    var fill = Stopwatch.StartNew();
    using var stopReader = new CancellationTokenSource();
    var follower = Task.Run(async () =>
    {
        long cursor = 0;
        while (!stopReader.IsCancellationRequested)
        {
            var mark = await store.GetHighWaterMarkAsync(brandId);
            var page = await store.ReadPageAsync(brandId, cursor, mark, 10_000);
            if (page.Count == 0)
            {
                await Task.Delay(10);
                continue;
            }

            cursor = page[^1].Sequence;
        }
    });
    for (var offset = (int)stored; offset < eventCount; offset += 5_000)
    {
        var batch = Enumerable.Range(offset, Math.Min(5_000, eventCount - offset))
            .Select(i => new BrandEvent
            {
                EventId = $"event-{i}",
                Type = BrandEventTypes.VideoView,
                OccurredAt = start.AddMinutes(i),
                UserId = $"user-{i % 10_000}",
                DeviceId = $"device-{i % 12_000}",
                Properties = new Dictionary<string, object?> { ["video_id"] = $"video-{i % 500}" },
            })
            .ToList();
        await store.AppendAsync(brandId, batch);
    }

    await stopReader.CancelAsync();
    await follower;
    Console.WriteLine($"filled {eventCount - stored} events in {fill.Elapsed.TotalSeconds:F1} s");
}

// The range covers the middle half of the events.
var from = start.AddMinutes(eventCount / 4);
var until = start.AddMinutes(eventCount * 3 / 4);
var timer = Stopwatch.StartNew();
var counted = await store.CountEventsAsync(brandId, from, until);
Console.WriteLine($"count: {counted} events in {timer.Elapsed.TotalMilliseconds:F0} ms");

timer.Restart();
var highWaterMark = await store.GetHighWaterMarkAsync(brandId);
long read = 0;
long matched = 0;
long position = 0;
while (true)
{
    var page = await store.ReadPageAsync(brandId, position, highWaterMark, 10_000);
    if (page.Count == 0)
    {
        break;
    }

    read += page.Count;
    matched += page.Count(e => e.Event.OccurredAt >= from && e.Event.OccurredAt < until);
    position = page[^1].Sequence;
}

Console.WriteLine($"full read: {matched} of {read} events in {timer.Elapsed.TotalMilliseconds:F0} ms");
return counted == matched ? 0 : 1;
