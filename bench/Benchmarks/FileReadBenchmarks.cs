using System.Text;
using BenchmarkDotNet.Attributes;
using MixpanelSync.Mixpanel;

namespace MixpanelSync.Benchmarks;

/// <summary>
/// The push command's path before the network, per event: reading an NDJSON file of Mixpanel-shaped events, and
/// reading plus validating, batching and gzipping them. The file contains <see cref="EventCount"/> typical events
/// written with a space after each colon and comma, as Python's json.dumps writes them.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class FileReadBenchmarks
{
    private const int EventCount = 20_000;

    private byte[] _file = [];
    private MixpanelEventValidator _validator = null!;

    [GlobalSetup]
    public void Setup()
    {
        _validator = new MixpanelEventValidator(
            new MixpanelValidationOptions(),
            new FixedTimeProvider(TypicalEvents.Now));
        var text = new StringBuilder();
        using var body = new PooledBufferWriter(1024 * 1024);
        var writer = _validator.CreateWriter();
        var now = TypicalEvents.Now.ToUnixTimeMilliseconds();
        var context = new EventWriteContext(MixpanelIngestionEndpoint.Import, now, ProjectToken: null);
        foreach (var mixpanelEvent in TypicalEvents.Create(EventCount))
        {
            body.Clear();
            writer.Write(mixpanelEvent, body, context);
            var line = Encoding.UTF8.GetString(body.WrittenSpan).TrimEnd('\n');
            text.Append(line.Replace("\",\"", "\", \"", StringComparison.Ordinal)
                .Replace("\":", "\": ", StringComparison.Ordinal)).Append('\n');
        }

        _file = Encoding.UTF8.GetBytes(text.ToString());
        var firstLine = _file.AsSpan(0, _file.AsSpan().IndexOf((byte)'\n'));
        if (new CompactEventScanner().TryScan(firstLine) is null)
        {
            throw new InvalidOperationException("The generated events do not take the compact path.");
        }
    }

    /// <summary>Reads every event; returns the number read.</summary>
    [Benchmark(OperationsPerInvoke = EventCount)]
    public async Task<long> Read()
    {
        long count = 0;
        using var stream = new MemoryStream(_file, writable: false);
        await foreach (var _ in MixpanelFileReader.ReadAsync(stream))
        {
            count++;
        }

        return count;
    }

    /// <summary>Reads, validates, batches and gzips every event; returns the compressed bytes.</summary>
    [Benchmark(OperationsPerInvoke = EventCount)]
    public async Task<long> ReadAndPrepare()
    {
        long compressed = 0;
        using var builder = new BatchBuilder(_validator, new MixpanelBatchOptions());
        using var stream = new MemoryStream(_file, writable: false);
        await foreach (var mixpanelEvent in MixpanelFileReader.ReadAsync(stream))
        {
            var result = builder.Append(mixpanelEvent);
            if (!result.Validation.IsAccepted)
            {
                throw new InvalidOperationException($"Event {mixpanelEvent.SourceKey} was rejected.");
            }

            compressed += result.CompletedBatch?.GzippedBody.Length ?? 0;
        }

        return compressed + (builder.Flush()?.GzippedBody.Length ?? 0);
    }
}
