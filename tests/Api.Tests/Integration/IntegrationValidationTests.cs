using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MixpanelSync.Api.Tests.Support;

namespace MixpanelSync.Api.Tests.Integration;

[Collection(ApiCollection.Name)]
public sealed class IntegrationValidationTests(ApiHostFixture fixture)
{
    /// <summary>A change to a valid connect body and the field the 400 must name.</summary>
    public static TheoryData<string, string> InvalidConnectBodies => new()
    {
        { """{"projectToken": null}""", "projectToken" },
        { """{"projectToken": "has space"}""", "projectToken" },
        { """{"residency": "mars"}""", "residency" },
        { """{"residency": null}""", "residency" },
        { """{"schedule": null}""", "schedule" },
        { """{"schedule": {"frequency": "hourly", "hour": 3, "timeZone": "UTC"}}""", "schedule.frequency" },
        { """{"schedule": {"frequency": "daily", "hour": 24, "timeZone": "UTC"}}""", "schedule.hour" },
        { """{"schedule": {"frequency": "daily", "hour": -1, "timeZone": "UTC"}}""", "schedule.hour" },
        { """{"schedule": {"frequency": "daily", "timeZone": "UTC"}}""", "schedule.hour" },
        { """{"schedule": {"frequency": "weekly", "hour": 3, "timeZone": "UTC"}}""", "schedule.weekday" },
        {
            """{"schedule": {"frequency": "weekly", "hour": 3, "weekday": "funday", "timeZone": "UTC"}}""",
            "schedule.weekday"
        },
        { """{"schedule": {"frequency": "monthly", "hour": 3, "timeZone": "UTC"}}""", "schedule.dayOfMonth" },
        {
            """{"schedule": {"frequency": "monthly", "hour": 3, "dayOfMonth": 0, "timeZone": "UTC"}}""",
            "schedule.dayOfMonth"
        },
        {
            """{"schedule": {"frequency": "monthly", "hour": 3, "dayOfMonth": 32, "timeZone": "UTC"}}""",
            "schedule.dayOfMonth"
        },
        { """{"schedule": {"frequency": "daily", "hour": 3, "timeZone": "Mars/Olympus"}}""", "schedule.timeZone" },
        { """{"schedule": {"frequency": "daily", "hour": 3}}""", "schedule.timeZone" },
        {
            """{"serviceAccount": {"username": "sa", "secret": "s", "projectId": "abc"}}""",
            "serviceAccount.projectId"
        },
        { """{"serviceAccount": {"username": "sa", "projectId": "1"}}""", "serviceAccount.secret" },
        { """{"mapping": {"excludedEventTypes": ["no_such_type"]}}""", "mapping.excludedEventTypes" },
        { """{"mapping": {"eventNamePrefix": "$mp"}}""", "mapping.eventNamePrefix" },
        { """{"mapping": {"identityMerge": "merged"}}""", "mapping.identityMerge" },
        { """{"mapping": {"eventNames": {"no_such_type": "Watched"}}}""", "mapping.eventNames" },
        { """{"mapping": {"eventNames": {"video_view": "$watched"}}}""", "mapping.eventNames.video_view" },
        { """{"mapping": {"eventNames": {"like": " "}}}""", "mapping.eventNames.like" },
        { """{"mapping": {"allowedCustomProperties": ["campaign", ""]}}""", "mapping.allowedCustomProperties" },
    };

    /// <summary>A mapping that the connect body carries and a phrase of the fix that the 400 must state.</summary>
    public static TheoryData<string, string> InvalidMappings => new()
    {
        { """{"identityMerge": "merged"}""", "Use one of simplified, original" },
        { """{"eventNames": {"no_such_type": "Watched"}}""", "Use types of the event schema" },
        { """{"eventNames": {"video_view": "$watched"}}""", "Choose a name without the '$'" },
        { """{"eventNamePrefix": "BCC ", "eventNames": {"like": " "}}""", "must have 1 to 251 characters" },
        { """{"allowedCustomProperties": [""]}""", "Fix or remove ''" },
    };

    [Theory]
    [MemberData(nameof(InvalidMappings))]
    public async Task Connect_InvalidMapping_StatesTheFix(string mapping, string fix)
    {
        var body = ValidConnectBody();
        body["mapping"] = JsonNode.Parse(mapping);

        using var response = await PostConnectAsync(body.ToJsonString());

        var problem = await Json.ReadProblemAsync(response, 400);
        Assert.Contains(fix, Json.Detail(problem), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(InvalidConnectBodies))]
    public async Task Connect_InvalidField_Returns400NamingIt(string change, string field)
    {
        var body = ValidConnectBody();
        foreach (var (name, value) in JsonNode.Parse(change)!.AsObject())
        {
            body[name] = value?.DeepClone();
        }

        using var response = await PostConnectAsync(body.ToJsonString());

        var problem = await Json.ReadProblemAsync(response, 400);
        Assert.Equal([field], Json.ErrorFields(problem));
        Assert.Contains(field + ":", Json.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_InvalidFields_ListsEachOne()
    {
        var body = """{"residency": "mars", "schedule": {"frequency": "daily", "hour": 99, "timeZone": "Nowhere"}}""";

        using var response = await PostConnectAsync(body);

        var problem = await Json.ReadProblemAsync(response, 400);
        Assert.Equal(
            ["projectToken", "residency", "schedule.hour", "schedule.timeZone"],
            Json.ErrorFields(problem).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Connect_HourAsText_Returns400NamingThePath()
    {
        var body = ValidConnectBody();
        body["schedule"]!["hour"] = "three";

        using var response = await PostConnectAsync(body.ToJsonString());

        var problem = await Json.ReadProblemAsync(response, 400);
        Assert.Contains("$.schedule.hour", Json.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_PushProfilesAsText_Returns400NamingIt()
    {
        var body = ValidConnectBody();
        body["mapping"] = new JsonObject { ["pushProfiles"] = "yes" };

        using var response = await PostConnectAsync(body.ToJsonString());

        var problem = await Json.ReadProblemAsync(response, 400);
        Assert.Contains("$.mapping.pushProfiles", Json.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_BaseAddressField_IsRejected()
    {
        var body = ValidConnectBody();
        body["baseAddress"] = "http://127.0.0.1:9/";

        using var response = await PostConnectAsync(body.ToJsonString());

        var problem = await Json.ReadProblemAsync(response, 400);
        Assert.Contains("baseAddress", Json.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_MalformedJson_Returns400()
    {
        using var response = await PostConnectAsync("""{"projectToken": "abc",""");

        var problem = await Json.ReadProblemAsync(response, 400);
        Assert.Contains("JSON", Json.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_BodyOverLimit_Returns413()
    {
        var body = ValidConnectBody();
        body["projectToken"] = new string('a', 70_000);

        using var response = await PostConnectAsync(body.ToJsonString());

        await Json.ReadProblemAsync(response, 413);
    }

    [Fact]
    public async Task Connect_InvalidBrandId_Returns400NamingBrandId()
    {
        using var client = fixture.CreateClient();

        using var response = await client.PostAsJsonAsync(
            "/api/v1/brands/bad%20brand/integration",
            Brands.ConnectBody("tok"));

        var problem = await Json.ReadProblemAsync(response, 400);
        Assert.Equal(["brandId"], Json.ErrorFields(problem));
    }

    [Theory]
    [InlineData("""{"schedule": {"frequency": "daily", "hour": 25, "timeZone": "UTC"}}""", "schedule.hour")]
    [InlineData("""{"residency": "antarctica"}""", "residency")]
    [InlineData("""{"projectToken": ""}""", "projectToken")]
    [InlineData(
        """{"schedule": {"frequency": "weekly", "hour": 1, "weekday": "someday", "timeZone": "UTC"}}""",
        "schedule.weekday")]
    [InlineData(
        """{"schedule": {"frequency": "monthly", "hour": 1, "dayOfMonth": 40, "timeZone": "UTC"}}""",
        "schedule.dayOfMonth")]
    [InlineData(
        """{"schedule": {"frequency": "daily", "hour": 1, "timeZone": "Europe/Atlantis"}}""",
        "schedule.timeZone")]
    [InlineData(
        """{"serviceAccount": {"username": "a", "secret": "b", "projectId": "1"}, "removeServiceAccount": true}""",
        "removeServiceAccount")]
    public async Task Update_InvalidField_Returns400NamingIt(string body, string field)
    {
        var brandId = ApiHostFixture.NewBrandId();
        await Brands.ConnectAsync(fixture, brandId);
        using var client = fixture.CreateClient();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await client.PatchAsync(
            new Uri($"/api/v1/brands/{brandId}/integration", UriKind.Relative),
            content);

        var problem = await Json.ReadProblemAsync(response, 400);
        Assert.Equal([field], Json.ErrorFields(problem));
    }

    private static JsonObject ValidConnectBody() => new()
    {
        ["projectToken"] = "tok-validation-only",
        ["residency"] = "us",
        ["schedule"] = new JsonObject { ["frequency"] = "daily", ["hour"] = 3, ["timeZone"] = "UTC" },
    };

    private async Task<HttpResponseMessage> PostConnectAsync(string json)
    {
        using var client = fixture.CreateClient();
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await client.PostAsync(
            new Uri($"/api/v1/brands/{ApiHostFixture.NewBrandId()}/integration", UriKind.Relative),
            content);
    }
}
