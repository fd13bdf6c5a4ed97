using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MixpanelSync.Api.Tests.Support;
using MixpanelSync.MixpanelEmulator;

namespace MixpanelSync.Api.Tests.Integration;

[Collection(ApiCollection.Name)]
public sealed class IntegrationEndpointTests(ApiHostFixture fixture)
{
    [Fact]
    public async Task Connect_ValidToken_Returns201WithMaskedToken()
    {
        var brandId = ApiHostFixture.NewBrandId();
        var token = fixture.AddProject();
        using var client = fixture.CreateClient();

        using var response = await client.PostAsJsonAsync(
            $"/api/v1/brands/{brandId}/integration",
            Brands.ConnectBody(token));
        var text = await response.Content.ReadAsStringAsync();
        var body = JsonDocument.Parse(text).RootElement;

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/v1/brands/{brandId}/integration", response.Headers.Location?.ToString());
        Assert.Equal("connected", body.GetProperty("state").GetString());
        Assert.Equal(new string('*', token.Length - 4) + token[^4..], body.GetProperty("maskedToken").GetString());
        Assert.DoesNotContain(token, text, StringComparison.Ordinal);
        Assert.Equal("us", body.GetProperty("residency").GetString());
    }

    [Fact]
    public async Task Connect_EuResidency_ChecksTokenAtTheEuHost()
    {
        var brandId = ApiHostFixture.NewBrandId();
        var token = fixture.AddProject(EmulatorResidency.Eu);
        using var client = fixture.CreateClient();

        using var response = await client.PostAsJsonAsync(
            $"/api/v1/brands/{brandId}/integration",
            Brands.ConnectBody(token, residency: "eu"));
        var body = await Json.ReadAsync(response);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("eu", body.GetProperty("residency").GetString());
        Assert.True(fixture.Emulator.GetStats(token).RequestsByStatusCode.Values.Sum() > 0);
    }

    [Fact]
    public async Task Connect_UnknownToken_Returns422NamingProjectToken()
    {
        var brandId = ApiHostFixture.NewBrandId();
        using var client = fixture.CreateClient();

        using var response = await client.PostAsJsonAsync(
            $"/api/v1/brands/{brandId}/integration",
            Brands.ConnectBody("tok-unknown-to-the-emulator"));

        var problem = await Json.ReadProblemAsync(response, 422);
        Assert.Contains("projectToken", Json.ErrorFields(problem));
        Assert.Contains("401", Json.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_Twice_Returns409()
    {
        var brandId = ApiHostFixture.NewBrandId();
        var token = await Brands.ConnectAsync(fixture, brandId);
        using var client = fixture.CreateClient();

        using var response = await client.PostAsJsonAsync(
            $"/api/v1/brands/{brandId}/integration",
            Brands.ConnectBody(token));

        var problem = await Json.ReadProblemAsync(response, 409);
        Assert.Contains("already connected", Json.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_NotConnected_Returns404()
    {
        var brandId = ApiHostFixture.NewBrandId();
        using var client = fixture.CreateClient();

        using var response = await client.GetAsync(new Uri($"/api/v1/brands/{brandId}/integration", UriKind.Relative));

        var problem = await Json.ReadProblemAsync(response, 404);
        Assert.Contains("POST /api/v1/brands", Json.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Connected_ReturnsScheduleAndNextSync()
    {
        var brandId = ApiHostFixture.NewBrandId();
        await Brands.ConnectAsync(fixture, brandId);
        using var client = fixture.CreateClient();

        var body = await client.GetFromJsonAsync<JsonElement>($"/api/v1/brands/{brandId}/integration");

        var schedule = body.GetProperty("schedule");
        Assert.Equal("daily", schedule.GetProperty("frequency").GetString());
        Assert.Equal(3, schedule.GetProperty("hour").GetInt32());
        Assert.Equal("Europe/Oslo", schedule.GetProperty("timeZone").GetString());
        Assert.True(body.GetProperty("connectedSince").GetDateTimeOffset() <= DateTimeOffset.UtcNow);
        Assert.True(body.GetProperty("nextSyncAt").GetDateTimeOffset() > DateTimeOffset.UtcNow);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("lastSync").ValueKind);
        Assert.False(body.GetProperty("usesServiceAccount").GetBoolean());
    }

    [Fact]
    public async Task Update_WeeklySchedule_IsSaved()
    {
        var brandId = ApiHostFixture.NewBrandId();
        await Brands.ConnectAsync(fixture, brandId);
        using var client = fixture.CreateClient();
        var weekly = new { frequency = "weekly", hour = 22, weekday = "friday", timeZone = "America/New_York" };
        var mapping = new { eventNamePrefix = "BCC ", excludedEventTypes = new[] { "like" } };

        using var response = await Json.PatchAsync(
            client,
            $"/api/v1/brands/{brandId}/integration",
            new { schedule = weekly, mapping });
        var body = await Json.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var schedule = body.GetProperty("schedule");
        Assert.Equal("weekly", schedule.GetProperty("frequency").GetString());
        Assert.Equal("friday", schedule.GetProperty("weekday").GetString());
        Assert.Equal(22, schedule.GetProperty("hour").GetInt32());
        var next = body.GetProperty("nextSyncAt").GetDateTimeOffset();
        var local = TimeZoneInfo.ConvertTime(next, TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
        Assert.Equal(DayOfWeek.Friday, local.DayOfWeek);
        Assert.Equal("BCC ", body.GetProperty("mapping").GetProperty("eventNamePrefix").GetString());
    }

    [Fact]
    public async Task Update_PushProfiles_IsSavedAndShown()
    {
        var brandId = ApiHostFixture.NewBrandId();
        await Brands.ConnectAsync(fixture, brandId);
        using var client = fixture.CreateClient();
        var before = await Json.ReadAsync(await client.GetAsync($"/api/v1/brands/{brandId}/integration"));

        using var response = await Json.PatchAsync(
            client,
            $"/api/v1/brands/{brandId}/integration",
            new { mapping = new { pushProfiles = true } });
        var body = await Json.ReadAsync(response);
        var after = await Json.ReadAsync(await client.GetAsync($"/api/v1/brands/{brandId}/integration"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(before.GetProperty("mapping").GetProperty("pushProfiles").GetBoolean());
        Assert.True(body.GetProperty("mapping").GetProperty("pushProfiles").GetBoolean());
        Assert.True(after.GetProperty("mapping").GetProperty("pushProfiles").GetBoolean());
    }

    [Fact]
    public async Task Connect_MappingNamesAndIdentity_AreAppliedAndShown()
    {
        var brandId = ApiHostFixture.NewBrandId();
        var token = fixture.AddProject();
        using var client = fixture.CreateClient();
        var mapping = new
        {
            identityMerge = "original",
            eventNames = new Dictionary<string, string> { ["like"] = "Liked Post" },
            allowedCustomProperties = new[] { "campaign" },
        };

        using var connect = await client.PostAsJsonAsync(
            $"/api/v1/brands/{brandId}/integration",
            new { projectToken = token, residency = "us", schedule = Brands.DailySchedule(), mapping });
        var connected = await Json.ReadAsync(connect);
        var liked = Brands.Event("liked-1", DateTimeOffset.UtcNow.AddSeconds(5));
        liked["properties"] = new Dictionary<string, object?> { ["target_id"] = "post-1", ["campaign"] = "spring" };
        await Brands.IngestAsync(client, brandId, [liked]);
        using var sync = await client.PostAsync(
            new Uri($"/api/v1/brands/{brandId}/integration/sync", UriKind.Relative),
            null);
        await Brands.WaitForIdleAsync(client, brandId);
        var sent = Assert.Single(fixture.Emulator.GetDeduplicatedEvents(token));
        var shown = connected.GetProperty("mapping");

        Assert.Equal(HttpStatusCode.Created, connect.StatusCode);
        Assert.Equal("original", shown.GetProperty("identityMerge").GetString());
        Assert.Equal("Liked Post", shown.GetProperty("eventNames").GetProperty("like").GetString());
        Assert.Equal(["campaign"], shown.GetProperty("allowedCustomProperties").EnumerateArray().Select(Text));
        Assert.Equal("Liked Post", sent.Name);
        Assert.Equal("user-1", sent.GetProperty("distinct_id")?.GetString());
        Assert.Null(sent.GetProperty("$user_id"));
        Assert.Equal("spring", sent.GetProperty("campaign")?.GetString());
    }

    [Fact]
    public async Task Update_MappingGivenWhole_ResetsOmittedFields()
    {
        var brandId = ApiHostFixture.NewBrandId();
        await Brands.ConnectAsync(fixture, brandId);
        using var client = fixture.CreateClient();
        await Json.PatchAsync(
            client,
            $"/api/v1/brands/{brandId}/integration",
            new { mapping = new { identityMerge = "original", allowedCustomProperties = new[] { "campaign" } } });

        using var response = await Json.PatchAsync(
            client,
            $"/api/v1/brands/{brandId}/integration",
            new { mapping = new { eventNames = new Dictionary<string, string> { ["video_view"] = "Watched" } } });
        var shown = (await Json.ReadAsync(response)).GetProperty("mapping");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("simplified", shown.GetProperty("identityMerge").GetString());
        Assert.Equal("Watched", shown.GetProperty("eventNames").GetProperty("video_view").GetString());
        Assert.Equal(0, shown.GetProperty("allowedCustomProperties").GetArrayLength());
    }

    [Fact]
    public async Task Update_NewToken_IsCheckedAndMasked()
    {
        var brandId = ApiHostFixture.NewBrandId();
        await Brands.ConnectAsync(fixture, brandId);
        var newToken = fixture.AddProject();
        using var client = fixture.CreateClient();

        using var response = await Json.PatchAsync(
            client,
            $"/api/v1/brands/{brandId}/integration",
            new { projectToken = newToken });
        var body = await Json.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith(newToken[^4..], body.GetProperty("maskedToken").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_WrongToken_Returns422AndKeepsTheOldOne()
    {
        var brandId = ApiHostFixture.NewBrandId();
        var token = await Brands.ConnectAsync(fixture, brandId);
        using var client = fixture.CreateClient();

        using var response = await Json.PatchAsync(
            client,
            $"/api/v1/brands/{brandId}/integration",
            new { projectToken = "tok-not-in-the-emulator" });
        var body = await client.GetFromJsonAsync<JsonElement>($"/api/v1/brands/{brandId}/integration");

        var problem = await Json.ReadProblemAsync(response, 422);
        Assert.Contains("projectToken", Json.ErrorFields(problem));
        Assert.EndsWith(token[^4..], body.GetProperty("maskedToken").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_EmptyBody_Returns400()
    {
        var brandId = ApiHostFixture.NewBrandId();
        await Brands.ConnectAsync(fixture, brandId);
        using var client = fixture.CreateClient();

        using var response = await Json.PatchAsync(client, $"/api/v1/brands/{brandId}/integration", new { });

        var problem = await Json.ReadProblemAsync(response, 400);
        Assert.Contains("body", Json.ErrorFields(problem));
    }

    [Fact]
    public async Task Update_NotConnected_Returns404()
    {
        var brandId = ApiHostFixture.NewBrandId();
        using var client = fixture.CreateClient();

        using var response = await Json.PatchAsync(
            client,
            $"/api/v1/brands/{brandId}/integration",
            new { schedule = Brands.DailySchedule() });

        await Json.ReadProblemAsync(response, 404);
    }

    [Fact]
    public async Task SyncNow_Connected_StartsARunThatSendsEvents()
    {
        var brandId = ApiHostFixture.NewBrandId();
        var token = await Brands.ConnectAsync(fixture, brandId);
        using var client = fixture.CreateClient();
        var later = DateTimeOffset.UtcNow.AddSeconds(5);
        await Brands.IngestAsync(client, brandId, [Brands.Event("sync-1", later), Brands.Event("sync-2", later)]);

        using var response = await client.PostAsync(
            new Uri($"/api/v1/brands/{brandId}/integration/sync", UriKind.Relative),
            null);
        var body = await Json.ReadAsync(response);
        var integration = await Brands.WaitForIdleAsync(client, brandId);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var runId = body.GetProperty("runId").GetString();
        Assert.Equal($"/api/v1/brands/{brandId}/runs/{runId}", response.Headers.Location?.ToString());
        var lastSync = integration.GetProperty("lastSync");
        Assert.Equal(runId, lastSync.GetProperty("runId").GetString());
        Assert.Equal("succeeded", lastSync.GetProperty("outcome").GetString());
        Assert.Equal(2, lastSync.GetProperty("eventsImported").GetInt64());
        Assert.Equal(2, fixture.Emulator.GetDeduplicatedEvents(token).Count);
    }

    [Fact]
    public async Task SyncNow_NotConnected_Returns404()
    {
        var brandId = ApiHostFixture.NewBrandId();
        using var client = fixture.CreateClient();

        using var response = await client.PostAsync(
            new Uri($"/api/v1/brands/{brandId}/integration/sync", UriKind.Relative),
            null);

        await Json.ReadProblemAsync(response, 404);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?confirm=false")]
    public async Task Disconnect_WithoutConfirmation_Returns400NamingConfirm(string query)
    {
        var brandId = ApiHostFixture.NewBrandId();
        await Brands.ConnectAsync(fixture, brandId);
        using var client = fixture.CreateClient();

        using var response = await client.DeleteAsync(
            new Uri($"/api/v1/brands/{brandId}/integration{query}", UriKind.Relative));
        var integration = await client.GetFromJsonAsync<JsonElement>($"/api/v1/brands/{brandId}/integration");

        var problem = await Json.ReadProblemAsync(response, 400);
        Assert.Contains("confirm", Json.ErrorFields(problem));
        Assert.Contains("?confirm=true", Json.Detail(problem), StringComparison.Ordinal);
        Assert.Equal("connected", integration.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Disconnect_Confirmed_DisconnectsOnce()
    {
        var brandId = ApiHostFixture.NewBrandId();
        await Brands.ConnectAsync(fixture, brandId);
        using var client = fixture.CreateClient();
        var path = new Uri($"/api/v1/brands/{brandId}/integration?confirm=true", UriKind.Relative);

        using var first = await client.DeleteAsync(path);
        using var second = await client.DeleteAsync(path);
        var integration = await client.GetFromJsonAsync<JsonElement>($"/api/v1/brands/{brandId}/integration");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await Json.ReadProblemAsync(second, 409);
        Assert.Equal("disconnected", integration.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, integration.GetProperty("nextSyncAt").ValueKind);
    }

    [Fact]
    public async Task Disconnect_NotConnected_Returns404()
    {
        var brandId = ApiHostFixture.NewBrandId();
        using var client = fixture.CreateClient();

        using var response = await client.DeleteAsync(
            new Uri($"/api/v1/brands/{brandId}/integration?confirm=true", UriKind.Relative));

        await Json.ReadProblemAsync(response, 404);
    }

    private static string? Text(JsonElement element) => element.GetString();
}
