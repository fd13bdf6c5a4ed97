using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MixpanelSync.Events.Schema;
using MixpanelSync.Events.Storage.Postgres;
using MixpanelSync.Testing.Postgres;

namespace MixpanelSync.Reliability.Tests.Corpus;

/// <summary>
/// Stores every corpus event that the parser keeps in the PostgreSQL event store and reads it back unchanged,
/// NUL and other control characters included.
/// </summary>
public sealed class CorpusStoreTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task PostgresAppend_KeptCorpusEvents_RoundTrip()
    {
        var entries = CorpusEntry.Load();
        var clock = new FakeTimeProvider(CorpusEntry.Clock);
        var parsed = new BrandEventParser(clock).ParseNdjson(
            new StringReader(string.Join("\n", entries.Select(entry => entry.EventJson))));
        await using var store = new PostgresEventStore(
            Options.Create(new PostgresEventStoreOptions { ConnectionString = database.ConnectionString }),
            clock,
            NullLogger<PostgresEventStore>.Instance);
        await store.EnsureCreatedAsync();

        var result = await store.AppendAsync("corpus-brand", parsed.Events);
        var stored = await store.ReadPageAsync("corpus-brand", 0, long.MaxValue, int.MaxValue);

        Assert.Equal(parsed.Events.Count - 1, result.Accepted);
        Assert.Equal(1, result.Duplicates);
        var byId = stored.ToDictionary(e => e.Event.EventId, e => e.Event, StringComparer.Ordinal);
        foreach (var original in parsed.Events.Where(e => e.EventId != "dup-1"))
        {
            var copy = byId[original.EventId];
            Assert.Equal(original.UserId, copy.UserId);
            Assert.Equal(original.OccurredAt, copy.OccurredAt);
            Assert.Equal(original.Properties.Keys.Order(), copy.Properties.Keys.Order());
            Assert.Equal(
                string.Join("|", original.Properties.Values.Select(v => v?.ToString())),
                string.Join("|", original.Properties.Keys.Select(k => copy.Properties[k]?.ToString())));
        }
    }
}
