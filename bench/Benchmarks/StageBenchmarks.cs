using System.Buffers;
using System.IO.Compression;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using MixpanelSync.Events;
using MixpanelSync.Events.Mapping;
using MixpanelSync.Events.Schema;
using MixpanelSync.Mixpanel;

namespace MixpanelSync.Benchmarks;

/// <summary>
/// The stages of a sync one at a time, per event, on <see cref="EventCount"/> typical brand events: parsing and
/// schema validation of ingested NDJSON, mapping onto Mixpanel events, Mixpanel validation (which serializes in
/// the same pass), plain serialization without any checks, and gzip of one 2000-event NDJSON body.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class StageBenchmarks
{
    private const int EventCount = 20_000;
    private const int GzipBatchEvents = 2000;

    private string _ndjson = string.Empty;
    private BrandEventParser _parser = null!;
    private BrandEvent[] _brandEvents = [];
    private MixpanelEvent[] _mixpanelEvents = [];
    private MixpanelEventValidator _validator = null!;
    private ArrayBufferWriter<byte> _output = null!;
    private byte[] _batchBody = [];

    [GlobalSetup]
    public void Setup()
    {
        var clock = new FixedTimeProvider(TypicalBrandEvents.Now);
        _ndjson = TypicalBrandEvents.CreateNdjson(EventCount);
        _parser = new BrandEventParser(clock);
        var parsed = _parser.ParseNdjson(new StringReader(_ndjson));
        if (parsed.Events.Count != EventCount)
        {
            throw new InvalidOperationException(
                $"The parser accepted {parsed.Events.Count} of {EventCount} generated events: {parsed.Errors[0]}");
        }

        _brandEvents = [.. parsed.Events];
        _mixpanelEvents = [.. _brandEvents.Select((e, i) => Map(e, i)!)];
        _validator = new MixpanelEventValidator(new MixpanelValidationOptions(), clock);
        _output = new ArrayBufferWriter<byte>(1024 * 1024);

        using var body = new MemoryStream();
        using (var writer = new Utf8JsonWriter(body))
        {
            foreach (var mixpanelEvent in _mixpanelEvents.Take(GzipBatchEvents))
            {
                WritePlain(writer, mixpanelEvent);
                writer.Flush();
                body.WriteByte((byte)'\n');
                writer.Reset();
            }
        }

        _batchBody = body.ToArray();
    }

    /// <summary>Parses NDJSON and validates each event against the brand event schema, as ingestion does.</summary>
    [Benchmark(OperationsPerInvoke = EventCount)]
    public int ParseAndCheckSchema() => _parser.ParseNdjson(new StringReader(_ndjson)).Events.Count;

    /// <summary>Maps stored brand events onto Mixpanel events with the default mapping settings.</summary>
    [Benchmark(OperationsPerInvoke = EventCount)]
    public int Map()
    {
        var mapped = 0;
        for (var i = 0; i < _brandEvents.Length; i++)
        {
            mapped += Map(_brandEvents[i], i) is null ? 0 : 1;
        }

        return mapped;
    }

    /// <summary>Validates each Mixpanel event; the validator writes its JSON in the same pass.</summary>
    [Benchmark(OperationsPerInvoke = EventCount)]
    public int Validate()
    {
        var accepted = 0;
        foreach (var mixpanelEvent in _mixpanelEvents)
        {
            accepted += _validator.Validate(mixpanelEvent).IsAccepted ? 1 : 0;
        }

        return accepted;
    }

    /// <summary>Writes each Mixpanel event as JSON with no checks, the floor for what validation adds.</summary>
    [Benchmark(OperationsPerInvoke = EventCount)]
    public long SerializeWithoutChecks()
    {
        _output.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(_output);
        foreach (var mixpanelEvent in _mixpanelEvents)
        {
            WritePlain(writer, mixpanelEvent);
            writer.Flush();
            writer.Reset();
        }

        return _output.WrittenCount;
    }

    /// <summary>Compresses one 2000-event NDJSON body at the default level; per event.</summary>
    [Benchmark(OperationsPerInvoke = GzipBatchEvents)]
    public int GzipFastest() => Gzip.Compress(_batchBody, CompressionLevel.Fastest).Length;

    private static MixpanelEvent? Map(BrandEvent brandEvent, int sequence) =>
        BrandEventMapper.Map(TypicalBrandEvents.BrandId, brandEvent, BrandMappingSettings.Default, sequence);

    private static void WritePlain(Utf8JsonWriter writer, MixpanelEvent mixpanelEvent)
    {
        writer.WriteStartObject();
        writer.WriteString("event", mixpanelEvent.Name);
        writer.WriteStartObject("properties");
        foreach (var (key, value) in mixpanelEvent.Properties)
        {
            writer.WritePropertyName(key);
            JsonSerializer.Serialize(writer, value);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
