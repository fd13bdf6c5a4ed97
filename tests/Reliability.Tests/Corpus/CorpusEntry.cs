using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MixpanelSync.Reliability.Tests.Corpus;

/// <summary>
/// One entry of <c>Corpus/bad-events.json</c>: a brand event as raw JSON text and the outcome it must get from
/// the ingestion parser and, when the parser keeps it, from mapping and validation.
/// </summary>
/// <param name="Id">The entry's name, unique in the file.</param>
/// <param name="Category">The kind of bad input, such as <c>time</c> or <c>unicode</c>.</param>
/// <param name="Parse"><c>accepted</c>, <c>repaired</c> (kept with a warning) or <c>rejected</c>.</param>
/// <param name="Field">The field of the parser's error or warning.</param>
/// <param name="Message">Text that the parser's reason must contain, such as the bad value.</param>
/// <param name="Mapping"><c>valid</c>, <c>repaired:Code</c> or <c>rejected:Code</c> with a validation code.</param>
/// <param name="Allow">Custom properties that the brand allow-lists for this entry.</param>
/// <param name="Mapped">Properties of the mapped Mixpanel event and their expected JSON text.</param>
/// <param name="EventJson">The event, with its macros expanded.</param>
internal sealed record CorpusEntry(
    string Id,
    string Category,
    string Parse,
    string? Field,
    string? Message,
    string? Mapping,
    IReadOnlyList<string> Allow,
    IReadOnlyDictionary<string, string> Mapped,
    string EventJson)
{
    /// <summary>The file, copied beside the test assembly.</summary>
    public static readonly string FilePath = Path.Combine(AppContext.BaseDirectory, "Corpus", "bad-events.json");

    private static readonly Regex Repeat = new(@"__REPEAT:(\w):(\d+)__", RegexOptions.CultureInvariant);
    private static readonly Regex Deep = new("\"__DEEP:(\\d+)__\"", RegexOptions.CultureInvariant);
    private static readonly Regex List = new("\"__LIST:(\\d+)__\"", RegexOptions.CultureInvariant);
    private static readonly Regex Wide = new("\"__WIDE:(\\d+)__\":0", RegexOptions.CultureInvariant);
    private static readonly Regex BigWide =
        new("\"__BIGWIDE:(\\d+):(\\d+):(\\d+)__\":0", RegexOptions.CultureInvariant);
    private static readonly Regex AllWide = new(@"^__ALLWIDE:(\d+)__$", RegexOptions.CultureInvariant);

    /// <summary>The clock the parser and validator use, so that the file's absolute times stay valid.</summary>
    public static DateTimeOffset Clock { get; private set; }

    /// <summary>Reads every entry of the file.</summary>
    public static IReadOnlyList<CorpusEntry> Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(FilePath));
        Clock = DateTimeOffset.Parse(
            document.RootElement.GetProperty("clock").GetString()!,
            System.Globalization.CultureInfo.InvariantCulture);
        return document.RootElement.GetProperty("entries").EnumerateArray().Select(Read).ToList();
    }

    public override string ToString() => Id;

    private static CorpusEntry Read(JsonElement entry)
    {
        var raw = entry.GetProperty("event").GetRawText();
        Assert.DoesNotContain('\n', raw);
        return new CorpusEntry(
            entry.GetProperty("id").GetString()!,
            entry.GetProperty("category").GetString()!,
            entry.GetProperty("parse").GetString()!,
            Optional(entry, "field"),
            Optional(entry, "message"),
            Optional(entry, "mapping"),
            entry.TryGetProperty("allow", out var allow)
                ? allow.EnumerateArray().SelectMany(name => ExpandName(name.GetString()!)).ToList()
                : [],
            entry.TryGetProperty("mapped", out var mapped)
                ? mapped.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!)
                : new Dictionary<string, string>(),
            Expand(raw));
    }

    private static string? Optional(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) ? value.GetString() : null;

    private static IEnumerable<string> ExpandName(string name)
    {
        var all = AllWide.Match(name);
        return all.Success
            ? Enumerable.Range(0, int.Parse(all.Groups[1].Value)).Select(i => $"big{i}")
            : [Expand(name)];
    }

    /// <summary>
    /// Expands the macros that stand for inputs too large to write out: a repeated character, nested arrays, a
    /// list of numbers, many custom properties, and many properties of long string lists.
    /// </summary>
    private static string Expand(string text)
    {
        text = Repeat.Replace(text, m => new string(m.Groups[1].Value[0], int.Parse(m.Groups[2].Value)));
        text = Deep.Replace(text, m =>
        {
            var depth = int.Parse(m.Groups[1].Value);
            return new string('[', depth) + "1" + new string(']', depth);
        });
        text = List.Replace(text, m => "[" + string.Join(',', Enumerable.Range(0, int.Parse(m.Groups[1].Value))) + "]");
        text = Wide.Replace(text, m =>
            string.Join(',', Enumerable.Range(0, int.Parse(m.Groups[1].Value)).Select(i => $"\"c{i}\":{i}")));
        return BigWide.Replace(text, m =>
        {
            var count = int.Parse(m.Groups[1].Value);
            var item = "\"" + new string('x', int.Parse(m.Groups[3].Value)) + "\"";
            var list = "[" + string.Join(',', Enumerable.Repeat(item, int.Parse(m.Groups[2].Value))) + "]";
            var members = new StringBuilder();
            for (var i = 0; i < count; i++)
            {
                members.Append(i == 0 ? "" : ",").Append($"\"big{i}\":").Append(list);
            }

            return members.ToString();
        });
    }
}
