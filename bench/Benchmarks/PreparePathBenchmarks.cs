using System.IO.Compression;
using BenchmarkDotNet.Attributes;
using MixpanelSync.Mixpanel;

namespace MixpanelSync.Benchmarks;

/// <summary>
/// The prepare path: validate, serialize to NDJSON and gzip, per event. Each invocation prepares
/// <see cref="EventCount"/> events into batches of 2000, so the reported time and allocation are per event.
/// The minimum and median columns are reported because load from other work on a shared machine skews the mean.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class PreparePathBenchmarks
{
    private const int EventCount = 20_000;

    private MixpanelEvent[] _events = [];
    private MixpanelEventValidator _validator = null!;
    private BatchBuilder _builder = null!;

    [Params(CompressionLevel.Fastest, CompressionLevel.Optimal)]
    public CompressionLevel Level { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _events = TypicalEvents.Create(EventCount);
        _validator = new MixpanelEventValidator(
            new MixpanelValidationOptions(),
            new FixedTimeProvider(TypicalEvents.Now));
        _builder = new BatchBuilder(_validator, new MixpanelBatchOptions { CompressionLevel = Level });
    }

    [GlobalCleanup]
    public void Cleanup() => _builder.Dispose();

    /// <summary>Validates, serializes and gzips every event; returns the compressed bytes.</summary>
    [Benchmark(OperationsPerInvoke = EventCount)]
    public long ValidateSerializeGzip()
    {
        long compressed = 0;
        foreach (var mixpanelEvent in _events)
        {
            if (_builder.Append(mixpanelEvent).CompletedBatch is { } batch)
            {
                compressed += batch.GzippedBody.Length;
            }
        }

        return compressed + (_builder.Flush()?.GzippedBody.Length ?? 0);
    }

    /// <summary>Validates and serializes every event without compressing, to separate the two costs.</summary>
    [Benchmark(OperationsPerInvoke = EventCount)]
    public long ValidateAndSerialize()
    {
        long bytes = 0;
        foreach (var mixpanelEvent in _events)
        {
            bytes += _validator.Validate(mixpanelEvent).ByteCount;
        }

        return bytes;
    }
}
