using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using MixpanelSync.MixpanelEmulator;

namespace MixpanelSync.Emulator.Tests;

public sealed class EventSummaryTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Summary_DuplicatesAcrossRequests_CountedOnce()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var copy = Events.Valid(fixture.Now, insertId: "dup-1");
        await client.ImportAsync(project.Token, Events.Array(copy, Events.Valid(fixture.Now)));
        await client.ImportAsync(project.Token, Events.Array(copy));
        await client.ImportAsync(project.Token, Events.Array(copy));

        var summary = await GetSummaryAsync(client, project.Token);

        Assert.Equal(4, summary.GetProperty("eventsStored").GetInt64());
        Assert.Equal(2, summary.GetProperty("uniqueEvents").GetInt64());
        Assert.Equal(2, summary.GetProperty("duplicateEvents").GetInt64());
        Assert.Equal(3, summary.GetProperty("requests").GetInt64());
        var deduplicated = fixture.Emulator.GetDeduplicatedEvents(project.Token);
        Assert.Equal(deduplicated.Count, summary.GetProperty("uniqueEvents").GetInt64());
    }

    [Fact]
    public async Task Summary_SameInsertIdOtherKey_CountedTwice()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var first = Events.Valid(fixture.Now, insertId: "same-id");
        var otherUser = Events.Valid(fixture.Now, insertId: "same-id").With("distinct_id", "user-2");
        var otherName = Events.Valid(fixture.Now, insertId: "same-id", name: "Logged In");
        var otherTime = Events.Valid(fixture.Now.AddSeconds(-1), insertId: "same-id");

        await client.ImportAsync(project.Token, Events.Array(first, otherUser, otherName, otherTime));

        var summary = fixture.Emulator.GetEventSummary(project.Token);
        Assert.Equal(4, summary.EventsStored);
        Assert.Equal(4, summary.UniqueEvents);
        Assert.Equal(0, summary.DuplicateEvents);
    }

    [Fact]
    public async Task Summary_RejectedEvents_NotStored()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var badTime = Events.Valid(fixture.Now).With("time", 5);
        var noInsertId = Events.Valid(fixture.Now).Without("$insert_id");
        var ignored = Events.Valid(fixture.Now).With("$ignore", true);

        var response = await client.ImportAsync(
            project.Token,
            Events.Array(Events.Valid(fixture.Now), badTime, noInsertId, ignored));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        var summary = await GetSummaryAsync(client, project.Token);
        Assert.Equal(1, summary.GetProperty("eventsStored").GetInt64());
        Assert.Equal(1, summary.GetProperty("uniqueEvents").GetInt64());
        Assert.Equal(2, summary.GetProperty("eventsRejected").GetInt64());
        Assert.Equal(1, summary.GetProperty("eventsDropped").GetInt64());
        Assert.Equal(1, summary.GetProperty("requests").GetInt64());
    }

    [Fact]
    public async Task Summary_RateLimitedRequests_CountedAs429()
    {
        var project = fixture.AddLimitedProject(maxEvents: 2);
        using var client = new IngestionClient(fixture.Emulator);
        var batch = Events.Array(Events.Valid(fixture.Now), Events.Valid(fixture.Now));

        await client.ImportAsync(project.Token, batch);
        var limited = await client.ImportAsync(project.Token, batch);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        var summary = await GetSummaryAsync(client, project.Token);
        Assert.Equal(2, summary.GetProperty("eventsStored").GetInt64());
        Assert.Equal(2, summary.GetProperty("requests").GetInt64());
        Assert.Equal(1, summary.GetProperty("requestsRateLimited").GetInt64());
    }

    [Fact]
    public async Task Summary_OtherProjects_NotCounted()
    {
        var first = fixture.AddProject();
        var second = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var shared = Events.Valid(fixture.Now, insertId: "shared-1");
        await client.ImportAsync(first.Token, Events.Array(shared, shared, Events.Valid(fixture.Now).With("time", 5)));
        await client.ImportAsync(second.Token, Events.Array(shared));

        var firstSummary = await GetSummaryAsync(client, first.Token);
        var secondSummary = await GetSummaryAsync(client, second.Token);

        Assert.Equal(2, firstSummary.GetProperty("eventsStored").GetInt64());
        Assert.Equal(1, firstSummary.GetProperty("uniqueEvents").GetInt64());
        Assert.Equal(1, firstSummary.GetProperty("eventsRejected").GetInt64());
        Assert.Equal(1, secondSummary.GetProperty("eventsStored").GetInt64());
        Assert.Equal(1, secondSummary.GetProperty("uniqueEvents").GetInt64());
        Assert.Equal(0, secondSummary.GetProperty("eventsRejected").GetInt64());
        Assert.Equal(1, secondSummary.GetProperty("requests").GetInt64());
    }

    [Fact]
    public async Task Summary_GroupBy_SplitsByValue()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var copyOfA = Events.Valid(fixture.Now, insertId: "a-1").With("brand", "a");
        await client.ImportAsync(
            project.Token,
            Events.Array(
                copyOfA,
                Events.Valid(fixture.Now).With("brand", "a"),
                Events.Valid(fixture.Now).With("brand", "b"),
                Events.Valid(fixture.Now).With("brand", "1"),
                Events.Valid(fixture.Now).With("brand", 1),
                Events.Valid(fixture.Now).With("brand", new JsonArray("x", 2)),
                Events.Valid(fixture.Now)));
        await client.ImportAsync(project.Token, Events.Array(copyOfA));

        var summary = await GetSummaryAsync(client, project.Token, "?groupBy=brand");

        Assert.Equal("brand", summary.GetProperty("groupBy").GetString());
        Assert.Equal(8, summary.GetProperty("eventsStored").GetInt64());
        Assert.Equal(7, summary.GetProperty("uniqueEvents").GetInt64());
        var groups = summary.GetProperty("groups").EnumerateArray()
            .ToDictionary(group => group.GetProperty("value").GetRawText(), Counts);
        Assert.Equal(6, groups.Count);
        Assert.Equal((3, 2, 1), groups["\"a\""]);
        Assert.Equal((1, 1, 0), groups["\"b\""]);
        Assert.Equal((1, 1, 0), groups["\"1\""]);
        Assert.Equal((1, 1, 0), groups["1"]);
        Assert.Equal((1, 1, 0), groups["[\"x\",2]"]);
        Assert.Equal((1, 1, 0), groups["null"]);
    }

    [Fact]
    public async Task Summary_GroupBy_UsesKeptCopyValue()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        await client.ImportAsync(
            project.Token,
            Events.Array(Events.Valid(fixture.Now, insertId: "moved-1").With("brand", "old")));
        await client.ImportAsync(
            project.Token,
            Events.Array(Events.Valid(fixture.Now, insertId: "moved-1").With("brand", "new")));

        var summary = fixture.Emulator.GetEventSummary(project.Token, "brand");

        Assert.Equal(2, summary.EventsStored);
        Assert.Equal(1, summary.UniqueEvents);
        var groups = summary.Groups!.ToDictionary(group => group.Value!.GetValue<string>());
        Assert.Equal(0, groups["old"].UniqueEvents);
        Assert.Equal(1, groups["old"].DuplicateEvents);
        Assert.Equal(1, groups["new"].UniqueEvents);
        Assert.Equal(0, groups["new"].DuplicateEvents);
    }

    [Fact]
    public async Task Summary_GroupBy_ReadsEscapedNames()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var json = $$$"""
            [{"event":"Signed Up","properties":{"time":{{{fixture.Now.ToUnixTimeSeconds()}}},"distinct_id":"u-1",
            "$insert_id":"esc-1","nested":{"brand":"inner"},"\u0062rand":"caf\u00e9"}}]
            """;

        await client.ImportAsync(project.Token, json.ReplaceLineEndings(string.Empty));

        var summary = fixture.Emulator.GetEventSummary(project.Token, "brand");
        var group = Assert.Single(summary.Groups!);
        Assert.Equal("café", group.Value!.GetValue<string>());
        Assert.Equal(1, group.UniqueEvents);
    }

    [Fact]
    public async Task Summary_AfterClearData_CountsFromZero()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        await client.ImportAsync(project.Token, Events.Array(Events.Valid(fixture.Now).With("time", 5)));
        await client.ImportAsync(project.Token, Events.Array(Events.Valid(fixture.Now)));

        fixture.Emulator.ClearData(project.Token);
        var summary = fixture.Emulator.GetEventSummary(project.Token);

        Assert.Equal(0, summary.EventsStored);
        Assert.Equal(0, summary.UniqueEvents);
        Assert.Equal(0, summary.EventsRejected);
        Assert.Equal(2, summary.Requests);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(256)]
    public async Task Summary_InvalidGroupBy_Returns400(int nameLength)
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var query = "?groupBy=" + new string('p', nameLength);

        var response = await client.GetAsync($"/_emulator/projects/{project.Token}/events/summary{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains($"but it has {nameLength}", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_TooManyGroups_Returns400()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        for (var start = 0; start <= EventSummary.MaxGroups; start += 2000)
        {
            var batch = Enumerable.Range(start, 2000)
                .Select(i => Events.Valid(fixture.Now).With("n", i))
                .ToArray();
            await client.ImportAsync(project.Token, Events.Array(batch));
        }

        var response = await client.GetAsync($"/_emulator/projects/{project.Token}/events/summary?groupBy=n");
        var ungrouped = await GetSummaryAsync(client, project.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("more than 10,000 distinct values", response.Body, StringComparison.Ordinal);
        Assert.Equal(12_000, ungrouped.GetProperty("uniqueEvents").GetInt64());
    }

    [Fact]
    public async Task Summary_UnknownToken_Returns404()
    {
        using var client = new IngestionClient(fixture.Emulator);

        var response = await client.GetAsync("/_emulator/projects/never-added/events/summary");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
    }

    private static async Task<JsonElement> GetSummaryAsync(IngestionClient client, string token, string query = "")
    {
        var response = await client.GetAsync($"/_emulator/projects/{token}/events/summary{query}");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        return response.Json;
    }

    private static (long Stored, long Unique, long Duplicates) Counts(JsonElement group) => (
        group.GetProperty("eventsStored").GetInt64(),
        group.GetProperty("uniqueEvents").GetInt64(),
        group.GetProperty("duplicateEvents").GetInt64());
}
