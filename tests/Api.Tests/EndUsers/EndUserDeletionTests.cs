using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MixpanelSync.Api.Tests.Support;
using MixpanelSync.Events.Storage;

namespace MixpanelSync.Api.Tests.EndUsers;

[Collection(ApiCollection.Name)]
public sealed class EndUserDeletionTests(ApiHostFixture fixture)
{
    [Fact]
    public async Task Delete_ConnectedBrand_DeletesRowsAndProfiles()
    {
        var brandId = ApiHostFixture.NewBrandId();
        var token = fixture.AddProject();
        using var client = fixture.CreateClient();
        await ConnectWithProfilesAsync(client, brandId, token);
        await Brands.IngestAsync(client, brandId, UserEvents());
        using var sync = await client.PostAsync(
            new Uri($"/api/v1/brands/{brandId}/integration/sync", UriKind.Relative),
            null);
        await Brands.WaitForIdleAsync(client, brandId);
        var profilesBefore = fixture.Emulator.GetProfiles(token);

        using var response = await client.DeleteAsync(
            new Uri($"/api/v1/brands/{brandId}/end-users?userId=u-erase", UriKind.Relative));
        var body = await Json.ReadAsync(response);

        Assert.Equal(HttpStatusCode.Accepted, sync.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(profilesBefore.ContainsKey("u-erase"));
        Assert.Equal(3, body.GetProperty("eventsDeleted").GetInt64());
        Assert.Equal(["d-erase"], Strings(body.GetProperty("deviceIds")));
        var mixpanel = body.GetProperty("mixpanel");
        Assert.Equal("sent", mixpanel.GetProperty("profileStatus").GetString());
        Assert.Equal(["u-erase", "$device:d-erase"], Strings(mixpanel.GetProperty("distinctIds")));
        Assert.Equal(2, mixpanel.GetProperty("profileDeletesSent").GetInt64());
        Assert.Equal(2, mixpanel.GetProperty("profilesDeleted").GetInt64());
        Assert.Contains("stay in the project", mixpanel.GetProperty("eventsInMixpanel").GetString());
        Assert.Contains("deletion request", mixpanel.GetProperty("eventsInMixpanel").GetString());

        var store = fixture.Services.GetRequiredService<IEventStore>();
        Assert.Empty(await store.ReadUserEventsAsync(brandId, ["u-erase"]));
        Assert.Single(await store.ReadUserEventsAsync(brandId, ["u-keep"]));
        var profilesAfter = fixture.Emulator.GetProfiles(token);
        Assert.False(profilesAfter.ContainsKey("u-erase"));
        Assert.True(profilesAfter.ContainsKey("u-keep"));

        // Mixpanel's /engage cannot delete events, and the emulator keeps them the same way.
        Assert.Equal(4, fixture.Emulator.GetEvents(token).Count);
    }

    [Fact]
    public async Task Delete_NotConnectedBrand_DeletesRowsOnly()
    {
        var brandId = ApiHostFixture.NewBrandId();
        using var client = fixture.CreateClient();
        await Brands.IngestAsync(client, brandId, UserEvents());

        using var response = await client.DeleteAsync(
            new Uri($"/api/v1/brands/{brandId}/end-users?userId=u-erase&deviceId=d-other", UriKind.Relative));
        var body = await Json.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, body.GetProperty("eventsDeleted").GetInt64());
        Assert.Equal(["d-erase", "d-other"], Strings(body.GetProperty("deviceIds")));
        var mixpanel = body.GetProperty("mixpanel");
        Assert.Equal("notConnected", mixpanel.GetProperty("profileStatus").GetString());
        Assert.Equal(0, mixpanel.GetProperty("profileDeletesSent").GetInt64());
        Assert.Contains("no connected Mixpanel project", mixpanel.GetProperty("message").GetString());
        var store = fixture.Services.GetRequiredService<IEventStore>();
        Assert.Empty(await store.ReadUserEventsAsync(brandId, ["u-erase"]));
    }

    [Fact]
    public async Task Delete_NoIds_Returns400NamingUserId()
    {
        using var client = fixture.CreateClient();

        using var response = await client.DeleteAsync(
            new Uri($"/api/v1/brands/{ApiHostFixture.NewBrandId()}/end-users", UriKind.Relative));

        var problem = await Json.ReadProblemAsync(response, 400);
        Assert.Equal(["userId"], Json.ErrorFields(problem));
    }

    private static async Task ConnectWithProfilesAsync(HttpClient client, string brandId, string token)
    {
        using var response = await client.PostAsJsonAsync(
            $"/api/v1/brands/{brandId}/integration",
            new
            {
                projectToken = token,
                residency = "us",
                schedule = Brands.DailySchedule(),
                mapping = new { pushProfiles = true },
            });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>
    /// Returns three events of u-erase, one of them anonymous on the user's device, and one of u-keep.
    /// </summary>
    private static List<object> UserEvents()
    {
        var now = DateTimeOffset.UtcNow.AddSeconds(1);
        return
        [
            Event("e-1", now, "u-erase", "d-erase"),
            Event("e-2", now.AddSeconds(1), "u-erase", null),
            Event("e-3", now.AddSeconds(2), null, "d-erase"),
            Event("e-4", now.AddSeconds(3), "u-keep", "d-keep"),
        ];
    }

    private static Dictionary<string, object?> Event(
        string eventId,
        DateTimeOffset at,
        string? userId,
        string? deviceId)
    {
        var brandEvent = Brands.Event(eventId, at);
        brandEvent["occurred_at"] = at.ToString("O", CultureInfo.InvariantCulture);
        brandEvent["user_id"] = userId;
        brandEvent["device_id"] = deviceId;
        return brandEvent;
    }

    private static List<string> Strings(JsonElement array) =>
        [.. array.EnumerateArray().Select(item => item.GetString()!)];
}
