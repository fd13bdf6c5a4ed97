using System.Text;

namespace MixpanelSync.Mixpanel.Tests.Files;

public sealed class MixpanelFileReaderTests
{
    private static async Task<(List<MixpanelEvent> Events, List<FileRecordError> Errors)> ReadAsync(string text)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        var errors = new List<FileRecordError>();
        var events = new List<MixpanelEvent>();
        await foreach (var mixpanelEvent in MixpanelFileReader.ReadAsync(stream, errors.Add))
        {
            events.Add(mixpanelEvent);
        }

        return (events, errors);
    }

    private static object? Property(MixpanelEvent mixpanelEvent, string key) =>
        mixpanelEvent.Properties.Single(p => p.Key == key).Value;

    [Fact]
    public async Task ReadAsync_Ndjson_ReturnsEventsWithTypedValues()
    {
        const string Purchase = """{"event":"Purchase Completed","properties":{"distinct_id":"fan-1002","time":"""
            + """1709993100,"$insert_id":"pc-1","amount":19.99,"member":true,"tags":["a","b"],"device":"""
            + """{"os":"ios"},"note":null}}""";
        const string Like = """{"event":"Like Added","properties":{"distinct_id":"fan-1004","time":"""
            + """ "2024-03-09T14:05:00+00:00","$insert_id":"la-1"}}""";
        const string Text = Purchase + "\n\n" + Like + "\n";

        var (events, errors) = await ReadAsync(Text);

        Assert.Empty(errors);
        Assert.Equal(2, events.Count);
        Assert.Equal("Purchase Completed", events[0].Name);
        Assert.Equal(1L, events[0].SourceKey);
        Assert.Equal(3L, events[1].SourceKey);
        Assert.Equal(1_709_993_100L, Property(events[0], "time"));
        Assert.Equal(19.99, Property(events[0], "amount"));
        Assert.Equal(true, Property(events[0], "member"));
        Assert.Equal(2, Assert.IsType<List<object?>>(Property(events[0], "tags")).Count);
        Assert.IsType<List<KeyValuePair<string, object?>>>(Property(events[0], "device"));
        Assert.Null(Property(events[0], "note"));
    }

    [Fact]
    public async Task ReadAsync_JsonArray_ReturnsEachElement()
    {
        const string Text = """
              [ {"event":"A","properties":{"distinct_id":"1a","time":1709993100,"$insert_id":"a-1"}},
                {"event":"B","properties":{"distinct_id":"2b","time":1709993100,"$insert_id":"b-1"}} ]
            """;

        var (events, errors) = await ReadAsync(Text);

        Assert.Empty(errors);
        Assert.Equal(["A", "B"], events.Select(e => e.Name));
        Assert.Equal([1L, 2L], events.Select(e => e.SourceKey));
    }

    [Fact]
    public async Task ReadAsync_MalformedLine_ReportsItAndContinues()
    {
        const string Text = """
            {"event":"A","properties":{"distinct_id":"x1","time":1709993100,"$insert_id":"a-1"}}
            {"event":"B", broken
            [1, 2]
            {"event":"C","properties":{"distinct_id":"x1","time":1709993100,"$insert_id":"c-1"}}
            """;

        var (events, errors) = await ReadAsync(Text);

        Assert.Equal(["A", "C"], events.Select(e => e.Name));
        Assert.Equal([2L, 3L], errors.Select(e => e.RecordNumber));
    }

    [Fact]
    public async Task ReadAsync_TruncatedArray_ReportsAndStops()
    {
        var (events, errors) = await ReadAsync("""[{"event":"A","properties":{}}, {"event":""");

        Assert.Single(events);
        Assert.Single(errors);
    }

    [Fact]
    public async Task ReadAsync_MissingInsertId_DerivesStableIdFromContent()
    {
        const string Line = """{"event":"Comment Posted","properties":"""
            + """{"distinct_id":"fan-1010","time":1709993100000,"post_id":"p-7"}}""";

        var (first, _) = await ReadAsync(Line);
        var (second, _) = await ReadAsync(Line);

        var insertId = Assert.IsType<string>(Property(first[0], "$insert_id"));
        Assert.True(InsertIds.IsWellFormed(insertId));
        Assert.Equal(insertId, Property(second[0], "$insert_id"));
    }

    [Fact]
    public async Task ReadAsync_EventWithoutName_IsReturnedForValidationToReject()
    {
        const string Line = """{"properties":{"distinct_id":"x","time":1709993100,"$insert_id":"a-1"}}""";

        var (events, _) = await ReadAsync(Line);

        Assert.Null(Assert.Single(events).Name);
    }

    [Fact]
    public async Task ReadAsync_ByteOrderMark_IsSkipped()
    {
        var (events, errors) = await ReadAsync("\uFEFF[{\"event\":\"A\",\"properties\":{}}]");

        Assert.Empty(errors);
        Assert.Equal("A", Assert.Single(events).Name);
    }

    [Fact]
    public async Task ReadAsync_LargeNdjson_StreamsWithoutLoadingEverything()
    {
        var builder = new StringBuilder();
        for (var i = 0; i < 20_000; i++)
        {
            builder.Append("{\"event\":\"E\",\"properties\":{\"distinct_id\":\"u")
                .Append(i)
                .Append("\",\"time\":1709993100}}\n");
        }

        var (events, errors) = await ReadAsync(builder.ToString());

        Assert.Empty(errors);
        Assert.Equal(20_000, events.Count);
    }

    [Fact]
    public async Task ReadAsync_CrlfBlankLinesAndNoFinalNewline_CountsRecords()
    {
        const string Text = "\uFEFF{\"event\":\"A\",\"properties\":{\"$insert_id\":\"a-1\"}}\r\n\r\n"
            + "  \r\n{\"event\":\"B\",\"properties\":{\"$insert_id\":\"b-1\"}}\r\n{\"event\": broken";

        var (events, errors) = await ReadAsync(Text);

        Assert.Equal(["A", "B"], events.Select(e => e.Name));
        Assert.Equal([1L, 4L], events.Select(e => e.SourceKey));
        Assert.Equal(5L, Assert.Single(errors).RecordNumber);
    }

    [Fact]
    public async Task ReadAsync_LineLongerThanBuffer_IsRead()
    {
        var longValue = new string('x', 600_000);
        var text = $"{{\"event\":\"A\",\"properties\":{{\"note\":\"{longValue}\"}}}}\n"
            + "{\"event\":\"B\",\"properties\":{}}\n";

        var (events, errors) = await ReadAsync(text);

        Assert.Empty(errors);
        Assert.Equal(["A", "B"], events.Select(e => e.Name));
        Assert.Equal(longValue, Property(events[0], "note"));
    }

    [Fact]
    public async Task ReadAsync_SmallReads_SplitLinesAndMarkCorrectly()
    {
        var bytes = Encoding.UTF8.GetBytes(
            "\uFEFF{\"event\":\"Å\",\"properties\":{\"city\":\"Tromsø\"}}\n{\"event\":\"B\",\"properties\":{}}\n");
        using var stream = new TrickleStream(bytes, maxRead: 2);
        var errors = new List<FileRecordError>();
        var events = new List<MixpanelEvent>();
        await foreach (var mixpanelEvent in MixpanelFileReader.ReadAsync(stream, errors.Add))
        {
            events.Add(mixpanelEvent);
        }

        Assert.Empty(errors);
        Assert.Equal(["Å", "B"], events.Select(e => e.Name));
        Assert.Equal("Tromsø", Property(events[0], "city"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public async Task ReadAsync_AnyReadSize_GivesSameEvents(int maxRead)
    {
        // Every third line is already in wire form, and the others take the general path.
        var lines = Enumerable.Range(1, 40).Select(i => i % 3 == 0 ? WireLine(i) : SpacedLine(i));
        var bytes = Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\n\n");
        using var stream = new TrickleStream(bytes, maxRead);
        var errors = new List<FileRecordError>();
        var names = new List<string?>();
        var keys = new List<long>();
        await foreach (var mixpanelEvent in MixpanelFileReader.ReadAsync(stream, errors.Add))
        {
            names.Add(mixpanelEvent.Name);
            keys.Add(mixpanelEvent.SourceKey);
        }

        Assert.Empty(errors);
        Assert.Equal(Enumerable.Range(1, 40).Select(i => $"e{i}"), names);
        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), keys);
    }

    private static string WireLine(int i) =>
        $"{{\"event\":\"e{i}\",\"properties\":{{\"time\":1767225600000,\"distinct_id\":\"u{i}\","
        + $"\"$insert_id\":\"i{i}\"}}}}";

    private static string SpacedLine(int i) =>
        $"{{\"event\":\"e{i}\", \"properties\": {{\"time\": 1767225600, \"distinct_id\": \"u{i}\", \"n\": {i}.5}}}}";

    [Fact]
    public async Task ReadAsync_CarriageReturnLines_ExplainsLineEnds()
    {
        const string Text = "{\"event\":\"A\",\"properties\":{}}\r{\"event\":\"B\",\"properties\":{}}\r";

        var (events, errors) = await ReadAsync(Text);

        Assert.Empty(events);
        var error = Assert.Single(errors);
        Assert.Contains("carriage return without a line feed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_InvalidUtf8_BecomesReplacementCharacter()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"event\":\"A\",\"properties\":{\"city\":\"Troms\u0001\"}}\n");
        bytes[Array.IndexOf(bytes, (byte)1)] = 0xFF;
        using var stream = new MemoryStream(bytes);
        var errors = new List<FileRecordError>();
        var events = new List<MixpanelEvent>();
        await foreach (var mixpanelEvent in MixpanelFileReader.ReadAsync(stream, errors.Add))
        {
            events.Add(mixpanelEvent);
        }

        Assert.Empty(errors);
        Assert.Equal("Troms\uFFFD", Property(Assert.Single(events), "city"));
    }

    [Fact]
    public async Task ReadAsync_Utf16File_IsDecoded()
    {
        var bytes = Encoding.Unicode.GetPreamble()
            .Concat(Encoding.Unicode.GetBytes("{\"event\":\"A\",\"properties\":{\"city\":\"Tromsø\"}}\n"))
            .ToArray();
        using var stream = new MemoryStream(bytes);
        var events = new List<MixpanelEvent>();
        await foreach (var mixpanelEvent in MixpanelFileReader.ReadAsync(stream))
        {
            events.Add(mixpanelEvent);
        }

        Assert.Equal("A", Assert.Single(events).Name);
        Assert.Equal("Tromsø", Property(events[0], "city"));
    }

    /// <summary>A read-only stream that returns at most a few bytes per read.</summary>
    private sealed class TrickleStream(byte[] bytes, int maxRead) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) =>
            base.Read(buffer, offset, Math.Min(count, maxRead));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, maxRead)], cancellationToken);

        public override Task<int> ReadAsync(
            byte[] buffer,
            int offset,
            int count,
            CancellationToken cancellationToken) =>
            base.ReadAsync(buffer, offset, Math.Min(count, maxRead), cancellationToken);
    }
}
