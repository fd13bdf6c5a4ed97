using System.Diagnostics;
using MixpanelSync.IngestLoad;

IngestSettings settings;
try
{
    settings = IngestSettings.Parse(args);
}
catch (FormatException exception)
{
    await Console.Error.WriteLineAsync(exception.Message);
    return 2;
}

if (settings.ShowHelp)
{
    Console.WriteLine(IngestSettings.Help);
    return 0;
}

if (!File.Exists(settings.KeyFile))
{
    await Console.Error.WriteLineAsync(
        $"The key file '{settings.KeyFile}' was not found. Give <DataDirectory>/operator-key of the running service.");
    return 2;
}

var key = (await File.ReadAllTextAsync(settings.KeyFile!)).Trim();
var generator = new BrandEventGenerator(settings.Seed);
var batchCount = (settings.Events + settings.BatchSize - 1) / settings.BatchSize;
Console.WriteLine($"Generating {batchCount} gzipped NDJSON bodies of up to {settings.BatchSize} events...");
var generation = Stopwatch.StartNew();
var uncompressedTotal = 0L;
var bodies = new byte[batchCount][];
Parallel.For(0, batchCount, index =>
{
    var size = Math.Min(settings.BatchSize, settings.Events - index * settings.BatchSize);
    bodies[index] = generator.CreateBatch(index, size, out var uncompressed);
    Interlocked.Add(ref uncompressedTotal, uncompressed);
});
Console.WriteLine(
    $"Generated in {generation.Elapsed.TotalSeconds:F1} s: {uncompressedTotal / (double)settings.Events:F0} bytes "
    + $"per event, {bodies.Average(body => body.Length) / 1024:F0} KiB per gzipped body");

using var runner = new IngestRunner(settings.Url, key, settings.Brand, settings.Concurrency);
var before = settings.ServicePid is { } pid ? ProcessStats.Read(pid) : null;
if (settings.ServicePid is not null && before is null)
{
    await Console.Error.WriteLineAsync($"No process {settings.ServicePid} in /proc; CPU and RSS are left out.");
}

IngestResult result;
try
{
    result = await runner.RunAsync(bodies);
}
catch (HttpRequestException exception)
{
    await Console.Error.WriteLineAsync(
        $"Could not reach {settings.Url}: {exception.Message}. Start the service first, as bench/ingest.sh does.");
    return 3;
}

var after = settings.ServicePid is { } servicePid ? ProcessStats.Read(servicePid) : null;
var seconds = result.Elapsed.TotalSeconds;

Console.WriteLine(
    $"Sent {result.Received:N0} events in {result.Requests:N0} requests ({settings.Concurrency} in flight) to "
    + $"{settings.Url} brand {settings.Brand}");
Console.WriteLine(
    $"Accepted {result.Accepted:N0}, duplicates {result.Duplicates:N0}, rejected {result.Rejected:N0}, "
    + $"failed requests {result.FailedRequests:N0}");
Console.WriteLine($"Elapsed {seconds:F2} s = {result.Received / seconds:N0} events/s");
if (before is { } start && after is { } end)
{
    var cpu = (end.CpuTime - start.CpuTime).TotalSeconds;
    Console.WriteLine(
        $"Service CPU {cpu:F2} s ({cpu / seconds:F2} cores), peak RSS {end.PeakRssBytes / 1024.0 / 1024:F0} MiB");
}

Console.WriteLine($"Load average (1 min) at the end: {ProcessStats.LoadAverage()}");
return result.FailedRequests == 0 && result.Rejected == 0 ? 0 : 1;
