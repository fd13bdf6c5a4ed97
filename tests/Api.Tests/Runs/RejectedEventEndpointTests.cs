using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MixpanelSync.Api.Tests.Support;
using MixpanelSync.Events.Storage;

namespace MixpanelSync.Api.Tests.Runs;

[Collection(ApiCollection.Name)]
public sealed class RejectedEventEndpointTests(ApiHostFixture fixture)
{
    private const string DeadLetterMessage = "'properties.time' is invalid: must not be more than 1 hour in the future";

    [Fact]
    public async Task RejectedEvents_ListPagesAndReplaySendsThem()
    {
        var brandId = ApiHostFixture.NewBrandId();
        var token = await Brands.ConnectAsync(fixture, brandId);
        await AddDeadLettersAsync(brandId, count: 3);
        using var client = fixture.CreateClient();

        var first = await client.GetFromJsonAsync<JsonElement>($"/api/v1/brands/{brandId}/rejected-events?limit=2");
        var nextAfter = first.GetProperty("nextAfter").GetInt64();
        var second = await client.GetFromJsonAsync<JsonElement>(
            $"/api/v1/brands/{brandId}/rejected-events?limit=2&after={nextAfter}");
        using var replay = await client.PostAsJsonAsync(
            $"/api/v1/brands/{brandId}/rejected-events/replay",
            new { deadLetterIds = Array.Empty<long>() });
        await Brands.WaitForIdleAsync(client, brandId);
        var pending = await client.GetFromJsonAsync<JsonElement>($"/api/v1/brands/{brandId}/rejected-events");
        var all = await client.GetFromJsonAsync<JsonElement>(
            $"/api/v1/brands/{brandId}/rejected-events?includeReplayed=true");
        var audit = await client.GetFromJsonAsync<JsonElement>($"/api/v1/brands/{brandId}/audit?limit=1");

        var listed = first.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(2, listed.Count);
        Assert.Equal("time out of range", listed[0].GetProperty("reason").GetString());
        Assert.Equal("properties.time", listed[0].GetProperty("field").GetString());
        Assert.Equal(DeadLetterMessage, listed[0].GetProperty("message").GetString());
        Assert.Equal("dead-0", listed[0].GetProperty("eventId").GetString());
        Assert.Single(second.GetProperty("events").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextAfter").ValueKind);
        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        Assert.Equal(0, pending.GetProperty("events").GetArrayLength());
        Assert.Equal(3, all.GetProperty("events").GetArrayLength());
        Assert.Equal(3, fixture.Emulator.GetDeduplicatedEvents(token).Count);
        Assert.Equal("replay", audit.GetProperty("entries")[0].GetProperty("action").GetString());
    }

    [Theory]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=1001", "limit")]
    [InlineData("?after=-1", "after")]
    public async Task List_InvalidQuery_Returns400NamingIt(string query, string field)
    {
        using var client = fixture.CreateClient();

        using var response = await client.GetAsync(
            new Uri($"/api/v1/brands/b1/rejected-events{query}", UriKind.Relative));

        var problem = await Json.ReadProblemAsync(response, 400);
        Assert.Equal([field], Json.ErrorFields(problem));
    }

    [Fact]
    public async Task Replay_InvalidIds_Returns400NamingDeadLetterIds()
    {
        using var client = fixture.CreateClient();

        using var response = await client.PostAsJsonAsync(
            $"/api/v1/brands/{ApiHostFixture.NewBrandId()}/rejected-events/replay",
            new { deadLetterIds = new[] { 0L } });

        var problem = await Json.ReadProblemAsync(response, 400);
        Assert.Equal(["deadLetterIds"], Json.ErrorFields(problem));
    }

    [Fact]
    public async Task Replay_NotConnected_Returns404()
    {
        using var client = fixture.CreateClient();

        using var response = await client.PostAsync(
            new Uri($"/api/v1/brands/{ApiHostFixture.NewBrandId()}/rejected-events/replay", UriKind.Relative),
            null);

        await Json.ReadProblemAsync(response, 404);
    }

    /// <summary>Stores events and dead letters for them, as a run that rejected them would.</summary>
    private async Task AddDeadLettersAsync(string brandId, int count)
    {
        var store = fixture.Services.GetRequiredService<IEventStore>();
        var events = Enumerable.Range(0, count)
            .Select(i => new Events.BrandEvent
            {
                EventId = $"dead-{i}",
                Type = "like",
                OccurredAt = DateTimeOffset.UtcNow,
                UserId = "user-1",
                Properties = new Dictionary<string, object?> { ["target_id"] = "post-1" },
            })
            .ToList();
        await store.AppendAsync(brandId, events);
        var stored = await store.ReadPageAsync(brandId, 0, await store.GetHighWaterMarkAsync(brandId), count);
        var rejected = stored
            .Select(item => new RejectedEvent(
                item.Sequence,
                item.Event,
                "time out of range",
                "properties.time",
                null,
                DeadLetterMessage))
            .ToList();
        await store.AddDeadLettersAsync(brandId, rejected);
    }
}
