using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MixpanelSync.Mixpanel.Tests.Files;

/// <summary>
/// The compact path must be invisible: for every record it accepts, the validator writes the same bytes and
/// result, and the event shows the same name and properties, as through the general reader.
/// </summary>
public sealed class CompactEventTests
{
    private const long Now = 1_767_225_600_000 + (40L * 24 * 3600 * 1000);

    private static readonly MixpanelEventValidator Validator = new(new MixpanelValidationOptions());

    [Fact]
    public void TryScan_GeneratedShape_IsAccepted()
    {
        const string Line = """{"event": "like", "properties": {"time": 1767225600123, """
            + "\"distinct_id\": \"user-0000042\", "
            + "\"$insert_id\": \"00ab00000000000000000001\", \"channel\": \"video\", \"duration_ms\": 1200}}";

        var compact = new CompactEventScanner().TryScan(Encoding.UTF8.GetBytes(Line));

        Assert.NotNull(compact);
        Assert.True(compact.AddsIp);
        Assert.Equal(1_767_225_600_123, compact.Time);
        Assert.Equal("00ab00000000000000000001", compact.InsertId);
        AssertSameAsGeneral(Line, compact);
    }

    [Theory]
    [InlineData("""{"event":"a","properties":{"time":1767225600,"distinct_id":"u","$insert_id":"i"}}""")]
    [InlineData("""{"event":"a","properties":{"time":1767225600000,"distinct_id":"null","$insert_id":"i"}}""")]
    [InlineData("""{"event":"a","properties":{"time":1767225600000,"distinct_id":"u","$insert_id":"a:b"}}""")]
    [InlineData("""{"event":"a","properties":{"time":1767225600000,"distinct_id":"u","ip":null}}""")]
    [InlineData("""{"event":"a","properties":{"time":1767225600000,"distinct_id":"u","time":1767225600000}}""")]
    [InlineData("""{"event":"a","properties":{"time":1767225600000,"distinct_id":"u","n":1e3}}""")]
    [InlineData("""{"event":"a","properties":{"time":1767225600000,"distinct_id":"u","n":-0}}""")]
    [InlineData("""{"event":"caf\u00e9","properties":{"time":1767225600000,"distinct_id":"u"}}""")]
    [InlineData("""{"event":"  ","properties":{"time":1767225600000,"distinct_id":"u"}}""")]
    [InlineData("""{"properties":{"time":1767225600000,"distinct_id":"u"},"event":"a"}""")]
    [InlineData("""{"event":"a","properties":{"time":1767225600000,"distinct_id":"u"},"x":1}""")]
    [InlineData("""{"event":"a","properties":{"time":1767225600000,"distinct_id":"u"}} x""")]
    [InlineData("""{"event":"a","properties":{"time":1767225600000,"distinct_id":"u""")]
    public void TryScan_RecordNeedingRepair_IsDeclined(string line)
    {
        Assert.Null(new CompactEventScanner().TryScan(Encoding.UTF8.GetBytes(line)));
    }

    [Fact]
    public void TryScan_ListOf255_IsDeclined()
    {
        var items = string.Join(",", Enumerable.Range(0, 255));
        var line = $$$"""{"event":"a","properties":{"time":1767225600000,"distinct_id":"u","l":[{{{items}}}]}}""";
        var shorter = line.Replace("[0,", "[", StringComparison.Ordinal);

        Assert.Null(new CompactEventScanner().TryScan(Encoding.UTF8.GetBytes(line)));
        Assert.NotNull(new CompactEventScanner().TryScan(Encoding.UTF8.GetBytes(shorter)));
    }

    [Fact]
    public void Write_FutureTime_IsRejected()
    {
        var line = $$$"""{"event":"a","properties":{"time":{{{Now + 7_200_000}}},"distinct_id":"u"}}""";
        var compact = new CompactEventScanner().TryScan(Encoding.UTF8.GetBytes(line));

        var (_, result) = Write(new MixpanelEvent(compact!, 1));

        Assert.Equal(ValidationCode.TimeOutOfRange, result.Rejection?.Code);
    }

    [Fact]
    public void Write_DeeperThanOptions_MatchesGeneralPath()
    {
        const string Line = """{"event":"a","properties":{"time":1767225600000,"distinct_id":"u","""
            + "\"o\":{\"p\":{\"q\":{\"r\":{\"s\":1}}}}}}";
        var compact = new CompactEventScanner().TryScan(Encoding.UTF8.GetBytes(Line))!;

        var fast = Write(new MixpanelEvent(compact, 1));
        var general = Write(General(Line));

        Assert.Equal(4, compact.DeepestLevel);
        Assert.Equal(general.Json, fast.Json);
        Assert.Equal(general.Result.Warnings.Count, fast.Result.Warnings.Count);
    }

    [Fact]
    public void Write_TrackEndpoint_MatchesGeneralPath()
    {
        const string Line = """{"event":"a","properties":{"time":1767225600000,"distinct_id":"u","$insert_id":"x1"}}""";
        var compact = new CompactEventScanner().TryScan(Encoding.UTF8.GetBytes(Line))!;

        var fast = Write(new MixpanelEvent(compact, 1), MixpanelIngestionEndpoint.Track);
        var general = Write(General(Line), MixpanelIngestionEndpoint.Track);

        Assert.Equal(general.Json, fast.Json);
    }

    [Fact]
    public void TryScan_RandomRecords_MatchGeneralPath()
    {
        var random = new Random(20261204);
        var accepted = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var line = RandomRecord(random);
            if (new CompactEventScanner().TryScan(Encoding.UTF8.GetBytes(line)) is { } compact)
            {
                accepted++;
                AssertSameAsGeneral(line, compact);
            }
        }

        // The generator is tuned so that both paths are exercised.
        Assert.InRange(accepted, 1_000, 18_000);
    }

    [Fact]
    public void TryScan_MalformedRecords_AreDeclined()
    {
        var random = new Random(7);
        const string Bytes = "{}[]\",: -.e0123456789tfnul\\x";
        var accepted = 0;
        for (var i = 0; i < 40_000; i++)
        {
            var line = RandomRecord(random).ToCharArray().ToList();
            var position = random.Next(line.Count);
            switch (random.Next(3))
            {
                case 0:
                    line.RemoveAt(position);
                    break;
                case 1:
                    line.Insert(position, Bytes[random.Next(Bytes.Length)]);
                    break;
                default:
                    line[position] = Bytes[random.Next(Bytes.Length)];
                    break;
            }

            var text = new string([.. line]);
            if (new CompactEventScanner().TryScan(Encoding.UTF8.GetBytes(text)) is not { } compact)
            {
                continue;
            }

            // Anything accepted must be JSON that the general path reads the same way.
            accepted++;
            using (JsonDocument.Parse(text))
            {
            }

            AssertSameAsGeneral(text, compact);
        }

        Assert.InRange(accepted, 100, 40_000);
    }

    private static void AssertSameAsGeneral(string line, CompactEvent compact)
    {
        var general = General(line);
        var fast = new MixpanelEvent(compact, 1);

        var (fastJson, fastResult) = Write(fast);
        var (generalJson, generalResult) = Write(general);

        Assert.Equal(generalResult.Rejection?.Code, fastResult.Rejection?.Code);
        Assert.Equal(generalJson, fastJson);
        Assert.Equal(generalResult.InsertId, fastResult.InsertId);
        Assert.Equal(generalResult.Time, fastResult.Time);
        Assert.Equal(generalResult.Warnings.Count, fastResult.Warnings.Count);
        Assert.Equal(general.Name, fast.Name);
        Assert.Equal(Describe(general.Properties), Describe(fast.Properties));
    }

    private static MixpanelEvent General(string line)
    {
        using var document = JsonDocument.Parse(line);
        return MixpanelFileReader.Convert(document.RootElement, 1, out _)!;
    }

    private static (string Json, EventValidationResult Result) Write(
        MixpanelEvent mixpanelEvent,
        MixpanelIngestionEndpoint endpoint = MixpanelIngestionEndpoint.Import)
    {
        using var output = new PooledBufferWriter(1024);
        var context = new EventWriteContext(endpoint, Now, "0123456789abcdef0123456789abcdef");
        var result = Validator.CreateWriter().Write(mixpanelEvent, output, context);
        return (Encoding.UTF8.GetString(output.WrittenSpan), result);
    }

    private static string Describe(IReadOnlyList<KeyValuePair<string, object?>> properties) =>
        string.Join(";", properties.Select(p => p.Key + "=" + DescribeValue(p.Value)));

    private static string DescribeValue(object? value) => value switch
    {
        null => "null",
        string text => "s:" + text,
        IReadOnlyList<KeyValuePair<string, object?>> members => "{" + Describe(members) + "}",
        IReadOnlyList<object?> items => "[" + string.Join(",", items.Select(DescribeValue)) + "]",
        IFormattable number => value.GetType().Name + ":" + number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    // Records close to the accepted shape, with one or two things that may need the general path.
    private static string RandomRecord(Random random)
    {
        var properties = new List<string>();
        if (random.Next(20) > 0)
        {
            properties.Add("\"time\":" + RandomTime(random));
        }

        if (random.Next(20) > 0)
        {
            var distinctId = Pick(random, "\"user-1\"", "\"null\"", "\" \"", "7", "\"\"", "\"u\\n\"");
            properties.Add("\"distinct_id\":" + distinctId);
        }

        if (random.Next(3) > 0)
        {
            properties.Add("\"$insert_id\":" + Pick(random, "\"abc-123\"", "\"a:b\"", "\"none\"", "1", "\"\"",
                "\"" + new string('x', 37) + "\""));
        }

        if (random.Next(4) == 0)
        {
            properties.Add("\"ip\":" + Pick(random, "\"1.2.3.4\"", "null", "\"\"", "\"  \"", "0"));
        }

        var extra = random.Next(0, 12);
        for (var i = 0; i < extra; i++)
        {
            properties.Add($"\"{RandomText(random, 12)}\":{RandomValue(random, 1)}");
        }

        if (random.Next(30) == 0)
        {
            properties.Add(properties[random.Next(properties.Count)]);
        }

        Shuffle(random, properties);
        var separator = random.Next(2) == 0 ? "," : ", ";
        var colon = random.Next(2) == 0 ? ":" : ": ";
        var body = string.Join(separator, properties).Replace("\":", "\"" + colon, StringComparison.Ordinal);
        var name = Pick(random, "\"like\"", "\"a <b> & 'c'\"", "\"\"", "\"caf\u00e9\"", "\"x\\ty\"",
            "\"" + new string('n', 256) + "\"");
        var extraKey = random.Next(40) == 0 ? ",\"extra\":1" : "";
        return $"{{\"event\"{colon}{name}{separator}\"properties\"{colon}{{{body}}}{extraKey}}}";
    }

    private static string RandomTime(Random random) => random.Next(8) switch
    {
        0 => "1767225600",
        1 => "1767225600000.5",
        2 => "\"2026-01-01T00:00:00Z\"",
        3 => (Now + 3_600_001).ToString(CultureInfo.InvariantCulture),
        _ => (1_767_225_600_000 + random.NextInt64(2_592_000_000)).ToString(CultureInfo.InvariantCulture),
    };

    private static string RandomValue(Random random, int level) => random.Next(level < 5 ? 14 : 10) switch
    {
        0 => "null",
        1 => "true",
        2 => "false",
        3 => random.NextInt64(-1_000_000, 1_000_000).ToString(CultureInfo.InvariantCulture),
        4 => Pick(random, "1.5", "0.1", "1e3", "-0", "12.50", "3.141592653589793", "99999999999999999999", "1E-7"),
        5 => "\"" + RandomText(random, 20) + "\"",
        6 => "\"" + new string('s', random.Next(250, 260)) + "\"",
        7 => Pick(random, "\"caf\u00e9\"", "\"tab\\tbed\"", "\"\\ud800\"", "\"<script>&'+`\"", "\"\\u0041\""),
        8 or 9 => "\"" + RandomText(random, 8) + "\"",
        10 or 11 => "["
            + string.Join(",", Enumerable.Range(0, random.Next(4)).Select(_ => RandomValue(random, level + 1)))
            + "]",
        _ => "{" + string.Join(",", Enumerable.Range(0, random.Next(4))
            .Select(_ => $"\"{RandomText(random, 6)}\":{RandomValue(random, level + 1)}")) + "}",
    };

    private static string RandomText(Random random, int maxLength)
    {
        const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789 _-.$<>&'+=";
        var length = random.Next(1, maxLength);
        return string.Create(length, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Alphabet[r.Next(Alphabet.Length)];
            }
        });
    }

    // The first choice, which the compact path accepts, comes up at least half of the time.
    private static string Pick(Random random, params string[] choices) =>
        choices[random.Next(2) == 0 ? 0 : random.Next(choices.Length)];

    private static void Shuffle(Random random, List<string> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
