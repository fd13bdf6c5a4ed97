using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MixpanelSync.Events;
using MixpanelSync.Events.Mapping;
using MixpanelSync.Events.Schema;
using MixpanelSync.Events.Storage.Sqlite;
using MixpanelSync.Mixpanel;
using MixpanelSync.MixpanelEmulator;
using MixpanelSync.Reliability.Tests.Support;

namespace MixpanelSync.Reliability.Tests.Corpus;

/// <summary>
/// Drives the bad-input corpus (<c>Corpus/bad-events.json</c>) through the ingestion parser, as a JSON array
/// and as NDJSON, with a good event before each bad one, then through mapping and validation, and sends what
/// validation accepts to the emulator's strict /import.
/// </summary>
public sealed class BadInputCorpusTests
{
    private const string BrandId = "corpus-brand";

    private static readonly IReadOnlyList<CorpusEntry> Entries = CorpusEntry.Load();

    private readonly FakeTimeProvider _clock = new(CorpusEntry.Clock);

    [Fact]
    public void Corpus_EntriesHaveUniqueIds()
    {
        var repeated = Entries.GroupBy(entry => entry.Id).Where(group => group.Count() > 1).Select(g => g.Key);

        Assert.Empty(repeated);
        Assert.True(Entries.Count >= 60, $"The corpus has only {Entries.Count} entries.");
    }

    [Fact]
    public void ParseBatch_EachEntry_GetsItsOutcome()
    {
        var result = new BrandEventParser(_clock).ParseBatch("[" + string.Join(",", Interleaved()) + "]");

        AssertOutcomes(result);
    }

    [Fact]
    public void ParseNdjson_EachEntry_GetsItsOutcome()
    {
        var result = new BrandEventParser(_clock).ParseNdjson(new StringReader(string.Join("\n", Interleaved())));

        AssertOutcomes(result);
    }

    [Fact]
    public async Task MapAndValidate_KeptEntries_GetTheirOutcome()
    {
        var parsed = ParsedByEntry();
        var validator = new MixpanelEventValidator(new MixpanelValidationOptions(), _clock);
        await using var emulator = await MixpanelEmulatorHost.StartAsync(new MixpanelEmulatorOptions
        {
            TimeProvider = _clock,
        });
        emulator.AddProject(new EmulatorProject("corpus-token"));
        using var import = new StrictImport(emulator, "corpus-token");
        var sent = 0;

        foreach (var (entry, brandEvent) in parsed)
        {
            var settings = BrandMappingSettings.Default with
            {
                AllowedCustomProperties = entry.Allow.ToHashSet(StringComparer.Ordinal),
            };
            var mapped = BrandEventMapper.Map(BrandId, brandEvent, settings, sequence: 1)!;
            var validation = validator.Validate(mapped);
            AssertValidation(entry, validation);
            if (!validation.IsAccepted)
            {
                continue;
            }

            using var builder = new BatchBuilder(validator, new MixpanelBatchOptions());
            Assert.True(builder.Append(mapped).Validation.IsAccepted, entry.Id);
            var batch = builder.Flush()!;
            AssertMapped(entry, batch);
            var (imported, failed) = await import.SendAsync(batch);
            Assert.True(imported == 1, $"{entry.Id}: the emulator rejected the event: {failed}");
            sent++;
        }

        var expectedSent = parsed.Count(
            pair => pair.Entry.Mapping?.StartsWith("rejected", StringComparison.Ordinal) != true);
        Assert.Equal(expectedSent, sent);
    }

    [Fact]
    public async Task Append_DuplicateEventIds_StoredOnce()
    {
        var events = ParsedByEntry().Select(pair => pair.Event).ToList();
        var folder = Directory.CreateTempSubdirectory("reliability-corpus-").FullName;
        try
        {
            await using var store = new SqliteEventStore(
                Options.Create(new SqliteEventStoreOptions { DatabasePath = Path.Combine(folder, "events.db") }),
                _clock,
                NullLogger<SqliteEventStore>.Instance);
            await store.EnsureCreatedAsync();

            var result = await store.AppendAsync(BrandId, events);
            var stored = await store.ReadPageAsync(BrandId, 0, long.MaxValue, int.MaxValue);

            Assert.Equal(1, result.Duplicates);
            Assert.Equal(events.Count - 1, result.Accepted);
            Assert.Equal("u-1", Assert.Single(stored, e => e.Event.EventId == "dup-1").Event.UserId);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void ParseBatch_TooDeep_RejectsWholeBatch()
    {
        var depth = BrandEventParser.MaxJsonDepth + 1;
        var deep = new string('[', depth) + new string(']', depth);

        var result = new BrandEventParser(_clock).ParseBatch($"[{GoodEvent(0)},{deep}]");

        var error = Assert.Single(result.Errors);
        Assert.Equal(-1, error.Index);
        Assert.Contains($"{BrandEventParser.MaxJsonDepth}", error.Reason, StringComparison.Ordinal);
        Assert.Contains("Send a JSON array of event objects", error.Reason, StringComparison.Ordinal);
    }

    /// <summary>The corpus events, each after a good event of its own.</summary>
    private static IEnumerable<string> Interleaved() =>
        Entries.SelectMany((entry, i) => new[] { GoodEvent(i), entry.EventJson });

    private static string GoodEvent(int i) =>
        "{\"event_id\":\"good-" + i + "\",\"type\":\"like\",\"occurred_at\":\"2026-06-01T10:00:00Z\","
        + "\"user_id\":\"good-user\",\"properties\":{\"target_id\":\"post-" + i + "\"}}";

    private List<(CorpusEntry Entry, BrandEvent Event)> ParsedByEntry()
    {
        var result = new BrandEventParser(_clock).ParseBatch("[" + string.Join(",", Interleaved()) + "]");
        var rejected = result.Errors.Select(error => error.Index).ToHashSet();
        var kept = new List<(CorpusEntry, BrandEvent)>();
        var next = 0;
        for (var index = 0; index < result.Count; index++)
        {
            if (rejected.Contains(index))
            {
                continue;
            }

            var brandEvent = result.Events[next++];
            if (index % 2 == 1)
            {
                kept.Add((Entries[index / 2], brandEvent));
            }
        }

        Assert.Equal(result.Events.Count, next);
        return kept;
    }

    private static void AssertOutcomes(BrandEventParseResult result)
    {
        Assert.Equal(Entries.Count * 2, result.Count);
        var goodIds = result.Events
            .Select(e => e.EventId)
            .Where(id => id.StartsWith("good-", StringComparison.Ordinal));
        Assert.Equal(Entries.Count, goodIds.Distinct().Count());
        Assert.DoesNotContain(result.Errors, error => error.Index % 2 == 0);
        Assert.DoesNotContain(result.Warnings, warning => warning.Index % 2 == 0);

        var failures = new List<string>();
        for (var i = 0; i < Entries.Count; i++)
        {
            var entry = Entries[i];
            var errors = result.Errors.Where(error => error.Index == 2 * i + 1).ToList();
            var warnings = result.Warnings.Where(warning => warning.Index == 2 * i + 1).ToList();
            var problem = Check(entry, errors, warnings);
            if (problem is not null)
            {
                failures.Add($"{entry.Id}: {problem}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string? Check(CorpusEntry entry, List<BrandEventIssue> errors, List<BrandEventIssue> warnings)
    {
        var found = $"errors [{Describe(errors)}], warnings [{Describe(warnings)}]";
        return entry.Parse switch
        {
            "accepted" when errors.Count > 0 || warnings.Count > 0 => $"expected accepted, got {found}",
            "repaired" when errors.Count > 0 || !Matches(entry, warnings) => $"expected a warning, got {found}",
            "rejected" when !Matches(entry, errors) => $"expected an error, got {found}",
            "accepted" or "repaired" or "rejected" => null,
            _ => $"unknown expected outcome {entry.Parse}",
        };
    }

    private static bool Matches(CorpusEntry entry, List<BrandEventIssue> issues) =>
        issues.Any(issue => issue.Field == entry.Field
            && (entry.Message is null || issue.Reason.Contains(entry.Message, StringComparison.OrdinalIgnoreCase)));

    private static string Describe(List<BrandEventIssue> issues) =>
        string.Join("; ", issues.Select(issue => $"{issue.Field}: {issue.Reason}"));

    private static void AssertValidation(CorpusEntry entry, EventValidationResult validation)
    {
        var expected = entry.Mapping ?? "valid";
        var verdict = validation.Rejection is { } rejection
            ? $"rejected:{rejection.Code} ({rejection.Message})"
            : validation.Warnings.Count > 0
                ? $"repaired:{string.Join(",", validation.Warnings.Select(w => w.Code))}"
                : "valid";
        var ok = expected switch
        {
            "valid" => validation.IsAccepted && validation.Warnings.Count == 0,
            _ when expected.StartsWith("repaired:", StringComparison.Ordinal) => validation.IsAccepted
                && validation.Warnings.Any(w => w.Code.ToString() == expected["repaired:".Length..]),
            _ when expected.StartsWith("rejected:", StringComparison.Ordinal) =>
                validation.Rejection?.Code.ToString() == expected["rejected:".Length..],
            _ => false,
        };
        Assert.True(ok, $"{entry.Id}: expected {expected}, got {verdict}");
    }

    private static void AssertMapped(CorpusEntry entry, PreparedBatch batch)
    {
        var line = batch.Decompress();
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(line);
        using var json = JsonDocument.Parse(text);
        var properties = json.RootElement.GetProperty("properties");
        foreach (var (name, value) in entry.Mapped)
        {
            using var expected = JsonDocument.Parse(value);
            Assert.True(properties.TryGetProperty(name, out var actual), $"{entry.Id}: {name} is missing: {text}");
            Assert.True(
                JsonElement.DeepEquals(expected.RootElement, actual),
                $"{entry.Id}: {name} is {actual.GetRawText()}, not {value}");
        }
    }
}
