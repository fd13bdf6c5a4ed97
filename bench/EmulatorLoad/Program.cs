using System.Diagnostics;
using MixpanelSync.EmulatorLoad;
using MixpanelSync.MixpanelEmulator;

LoadSettings settings;
try
{
    settings = LoadSettings.Parse(args);
}
catch (FormatException exception)
{
    await Console.Error.WriteLineAsync(exception.Message);
    return 2;
}

if (settings.ShowHelp)
{
    Console.WriteLine(LoadSettings.Help);
    return 0;
}

await using var emulator = settings.Url is null ? await StartEmulatorAsync(settings) : null;
var baseAddress = settings.Url ?? emulator!.GetBaseAddress();
var generator = new EventGenerator(settings.Token, DateTimeOffset.UtcNow);
var batchCount = (settings.Events + settings.BatchSize - 1) / settings.BatchSize;
var warmUpCount = Math.Max(2, settings.Concurrency);

Console.WriteLine($"Generating {batchCount + warmUpCount} batches of {settings.BatchSize} events...");
var generation = Stopwatch.StartNew();
var uncompressedTotal = 0L;
var batches = new byte[batchCount + warmUpCount][];
Parallel.For(0, batches.Length, index =>
{
    batches[index] = generator.CreateBatch(index, settings.BatchSize, out var uncompressed);
    Interlocked.Add(ref uncompressedTotal, uncompressed);
});
var averageEventBytes = uncompressedTotal / (double)(batches.Length * settings.BatchSize);
var averageGzipBytes = batches.Average(batch => batch.Length);
Console.WriteLine(
    $"Generated in {generation.Elapsed.TotalSeconds:F1} s: {averageEventBytes:F0} bytes per event, " +
    $"{averageGzipBytes / 1024:F0} KiB per gzipped batch");

var runner = new LoadRunner(baseAddress, settings.Token, settings.Concurrency);
await runner.RunAsync(batches[..warmUpCount], settings.BatchSize);
GC.Collect();
var pauseBefore = GC.GetTotalPauseDuration();
var gen2Before = GC.CollectionCount(2);
var result = await runner.RunAsync(batches[warmUpCount..], settings.BatchSize);
var pause = GC.GetTotalPauseDuration() - pauseBefore;
var gen2 = GC.CollectionCount(2) - gen2Before;

var mode = settings.CountingOnly ? "counting-only" : "strict";
var target = settings.Url is null ? "in-process emulator" : settings.Url.ToString();
Console.WriteLine($"Target: {target} ({mode}), concurrency {settings.Concurrency}, batch {settings.BatchSize}");
Console.WriteLine(
    $"Events: {result.Events:N0} in {result.Elapsed.TotalSeconds:F2} s = {result.EventsPerSecond:N0} events/s");
Console.WriteLine(
    $"Uncompressed: {result.Events * averageEventBytes / result.Elapsed.TotalSeconds / 1_000_000:F1} MB/s; " +
    $"CPU: {result.CpuTime.TotalSeconds:F2} s of this process ({result.CpuTime / result.Elapsed:F2} cores)");
Console.WriteLine($"GC: {pause.TotalSeconds:F2} s paused, {gen2} gen2 collections");
Console.WriteLine($"Failed requests: {result.FailedRequests}");
return result.FailedRequests == 0 ? 0 : 1;

static async Task<MixpanelEmulatorHost> StartEmulatorAsync(LoadSettings settings)
{
    var options = new MixpanelEmulatorOptions { CountingOnly = settings.CountingOnly };
    options.Projects.Add(new EmulatorProject(settings.Token)
    {
        RateLimit = new EmulatorRateLimit { MaxBytes = long.MaxValue, MaxEvents = long.MaxValue },
    });
    return await MixpanelEmulatorHost.StartAsync(options);
}
