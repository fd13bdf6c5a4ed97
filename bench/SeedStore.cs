#:project ../src/Events/Events.csproj
#:property PublishAot=false

// Fills a silo's SQLite event store straight from an NDJSON file of brand events, without the HTTP API, so that a
// large backfill benchmark (PRODUCT_DATA in bench/product.sh) need not wait for a slow ingest. Each line is parsed
// and checked by the product's BrandEventParser and appended with SqliteEventStore.AppendAsync, as the
// ingestion endpoint does, in appends of 5,000 events. Build it with -c Release for a large store.
// Usage: dotnet run -c Release bench/SeedStore.cs -- NDJSON_FILE DATA_DIRECTORY BRAND_ID
using System.Diagnostics;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MixpanelSync.Events.Schema;
using MixpanelSync.Events.Storage.Sqlite;

if (args.Length != 3)
{
    Console.Error.WriteLine("Usage: dotnet run -c Release bench/SeedStore.cs -- NDJSON_FILE DATA_DIRECTORY BRAND_ID");
    return 2;
}

const int EventsPerAppend = 5_000;
var (file, dataDirectory, brandId) = (args[0], args[1], args[2]);
var options = new SqliteEventStoreOptions { DatabasePath = Path.Combine(dataDirectory, "events.db") };
await using var store = new SqliteEventStore(
    Options.Create(options),
    TimeProvider.System,
    NullLogger<SqliteEventStore>.Instance);
await store.EnsureCreatedAsync();

var parser = new BrandEventParser(TimeProvider.System);
var clock = Stopwatch.StartNew();
long lines = 0, accepted = 0, duplicates = 0, rejected = 0;

// Parsing the next chunk overlaps the append of the previous one, as concurrent ingestion requests do.
var parsedChunks = Channel.CreateBounded<BrandEventParseResult>(2);
var parse = Task.Run(async () =>
{
    using var reader = new StreamReader(file);
    var chunk = new MemoryStream();
    var chunkLines = 0;
    while (true)
    {
        var line = await reader.ReadLineAsync();
        if (line is not null)
        {
            chunk.Write(Encoding.UTF8.GetBytes(line));
            chunk.WriteByte((byte)'\n');
            chunkLines++;
        }

        if (chunkLines == EventsPerAppend || (line is null && chunkLines > 0))
        {
            await parsedChunks.Writer.WriteAsync(parser.ParseNdjson(chunk.ToArray()));
            chunk.SetLength(0);
            chunkLines = 0;
        }

        if (line is null)
        {
            parsedChunks.Writer.Complete();
            return;
        }
    }
});

await foreach (var parsed in parsedChunks.Reader.ReadAllAsync())
{
    rejected += parsed.RejectedCount;
    if (parsed.Events.Count > 0)
    {
        var result = await store.AppendAsync(brandId, parsed.Events);
        accepted += result.Accepted;
        duplicates += result.Duplicates;
    }

    var before = lines;
    lines += parsed.Count;
    if (lines / 500_000 > before / 500_000)
    {
        Console.Error.WriteLine($"{lines} lines in {clock.Elapsed.TotalSeconds:F0} s");
    }
}

await parse;
var seconds = clock.Elapsed.TotalSeconds;
Console.WriteLine(
    $"{lines} lines: {accepted} stored, {duplicates} duplicates, {rejected} rejected, " +
    $"in {seconds:F1} s ({accepted / seconds:F0} events/s)");
return rejected > 0 ? 1 : 0;
