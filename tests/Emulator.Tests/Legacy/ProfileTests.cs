using System.Net;
using System.Text.Json.Nodes;

namespace MixpanelSync.Emulator.Tests;

public sealed class ProfileTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Engage_Set_CreatesProfile()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);

        var response = await EngageAsync(client, Update(project.Token, "$set", new JsonObject { ["plan"] = "pro" }));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("1", response.Body);
        var profile = fixture.Emulator.GetProfiles(project.Token)["u1"];
        Assert.Equal("pro", profile["plan"]!.GetValue<string>());
        Assert.NotNull(profile["$last_seen"]);
    }

    [Fact]
    public async Task Engage_AllOperations_ApplyInOrder()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var token = project.Token;

        await EngageAsync(
            client,
            Update(token, "$set", new JsonObject { ["name"] = "Ann", ["tags"] = new JsonArray("a") }),
            Update(token, "$set_once", new JsonObject { ["name"] = "Bob", ["first"] = "x" }),
            Update(token, "$add", new JsonObject { ["visits"] = 2 }),
            Update(token, "$add", new JsonObject { ["visits"] = 3 }),
            Update(token, "$union", new JsonObject { ["tags"] = new JsonArray("a", "b") }),
            Update(token, "$append", new JsonObject { ["log"] = "one" }),
            Update(token, "$append", new JsonObject { ["log"] = "one" }),
            Update(token, "$remove", new JsonObject { ["tags"] = "a" }),
            Update(token, "$unset", new JsonArray("first")));

        var profile = fixture.Emulator.GetProfiles(token)["u1"];
        Assert.Equal("Ann", profile["name"]!.GetValue<string>());
        Assert.Equal(5, profile["visits"]!.GetValue<long>());
        Assert.Equal("""["b"]""", profile["tags"]!.ToJsonString());
        Assert.Equal("""["one","one"]""", profile["log"]!.ToJsonString());
        Assert.False(profile.ContainsKey("first"));
    }

    [Fact]
    public async Task Engage_Delete_RemovesProfile()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);

        await EngageAsync(
            client,
            Update(project.Token, "$set", new JsonObject { ["a"] = 1 }),
            Update(project.Token, "$delete", JsonValue.Create(string.Empty)));

        Assert.Empty(fixture.Emulator.GetProfiles(project.Token));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Engage_DeleteWithIgnoreAlias_RemovesOnlyThatProfile(bool ignoreAlias)
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var other = Update(project.Token, "$set", new JsonObject { ["a"] = 2 });
        other["$distinct_id"] = "u2";
        var delete = Update(project.Token, "$delete", JsonValue.Create(string.Empty));
        delete["$ignore_alias"] = ignoreAlias;

        var response = await EngageAsync(
            client,
            Update(project.Token, "$set", new JsonObject { ["a"] = 1 }),
            other,
            delete);

        Assert.Equal("1", response.Body);
        var profiles = fixture.Emulator.GetProfiles(project.Token);
        Assert.False(profiles.ContainsKey("u1"));
        Assert.True(profiles.ContainsKey("u2"));
    }

    [Fact]
    public async Task Engage_DeleteWithTextIgnoreAlias_IsRejected()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var delete = Update(project.Token, "$delete", JsonValue.Create(string.Empty));
        delete["$ignore_alias"] = "yes";

        await EngageAsync(client, Update(project.Token, "$set", new JsonObject { ["a"] = 1 }));
        var response = await client.PostAsync(
            "/engage?strict=1",
            IngestionClient.Json(new JsonArray(delete).ToJsonString()));

        Assert.Contains("$ignore_alias", response.Body, StringComparison.Ordinal);
        Assert.True(fixture.Emulator.GetProfiles(project.Token).ContainsKey("u1"));
    }

    [Fact]
    public async Task Engage_IgnoreTime_LeavesLastSeenUnset()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var update = Update(project.Token, "$set", new JsonObject { ["a"] = 1 });
        update["$ignore_time"] = true;

        await EngageAsync(client, update);

        Assert.False(fixture.Emulator.GetProfiles(project.Token)["u1"].ContainsKey("$last_seen"));
    }

    [Fact]
    public async Task Engage_FormBase64_IsApplied()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var body = new JsonArray(Update(project.Token, "$set", new JsonObject { ["a"] = 1 })).ToJsonString();

        var response = await client.PostAsync("/engage?verbose=1", IngestionClient.Form(Events.Base64(body)));

        Assert.Equal("""{"status":1,"error":null}""", response.Body);
        Assert.Single(fixture.Emulator.GetProfiles(project.Token));
    }

    [Fact]
    public async Task Engage_GzipJson_IsApplied()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var body = new JsonArray(Update(project.Token, "$set", new JsonObject { ["a"] = 1 })).ToJsonString();

        var response = await client.PostAsync(
            "/engage",
            IngestionClient.GzipContent(System.Text.Encoding.UTF8.GetBytes(body), "application/json"));

        Assert.Equal("1", response.Body);
        Assert.Single(fixture.Emulator.GetProfiles(project.Token));
    }

    [Fact]
    public async Task Engage_AllInvalid_ReturnsZero()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var missingDistinctId = Update(project.Token, "$set", new JsonObject { ["a"] = 1 });
        missingDistinctId.Remove("$distinct_id");

        var response = await EngageAsync(client, missingDistinctId);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("0", response.Body);
    }

    [Fact]
    public async Task Engage_StrictWithInvalidUpdate_Returns200WithFailedRecords()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var valid = Update(project.Token, "$set", new JsonObject { ["a"] = 1 });
        var invalid = Update(project.Token, "$add", new JsonObject { ["a"] = "text" });
        var body = new JsonArray(valid, invalid).ToJsonString();

        var response = await client.PostAsync("/engage?strict=1", IngestionClient.Json(body));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(0, response.Json.GetProperty("status").GetInt32());
        Assert.Equal(1, response.Json.GetProperty("num_good_events").GetInt32());
        var failure = Assert.Single(response.Json.GetProperty("failed_records").EnumerateArray());
        Assert.Equal(1, failure.GetProperty("index").GetInt32());
        Assert.Equal(1, fixture.Emulator.GetProfiles(project.Token)["u1"]["a"]!.GetValue<int>());
    }

    [Fact]
    public async Task Engage_TwoOperationsInOneUpdate_Fails()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var update = Update(project.Token, "$set", new JsonObject { ["a"] = 1 });
        update["$set_once"] = new JsonObject { ["b"] = 2 };

        var response = await EngageAsync(client, update);

        Assert.Equal("0", response.Body);
    }

    [Fact]
    public async Task Engage_2001Updates_ReturnsZero()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var updates = Enumerable.Range(0, 2001)
            .Select(_ => Update(project.Token, "$set", new JsonObject { ["a"] = 1 }));

        var response = await EngageAsync(client, [.. updates]);

        Assert.Equal("0", response.Body);
        Assert.Empty(fixture.Emulator.GetProfiles(project.Token));
    }

    [Fact]
    public async Task Engage_Over2000Properties_Fails()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var properties = new JsonObject();
        for (var i = 0; i < 2001; i++)
        {
            properties[$"p{i}"] = i;
        }

        var response = await EngageAsync(client, Update(project.Token, "$set", properties));

        Assert.Equal("0", response.Body);
        Assert.Empty(fixture.Emulator.GetProfiles(project.Token));
    }

    [Fact]
    public async Task Groups_SetAndUnion_Apply()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);

        var response = await GroupsAsync(
            client,
            GroupUpdate(project.Token, "$set", new JsonObject { ["size"] = 10 }),
            GroupUpdate(project.Token, "$union", new JsonObject { ["regions"] = new JsonArray("eu", "eu", "us") }));

        Assert.Equal("1", response.Body);
        var group = fixture.Emulator.GetGroupProfiles(project.Token, "company")["acme"];
        Assert.Equal(10, group["size"]!.GetValue<int>());
        Assert.Equal("""["eu","us"]""", group["regions"]!.ToJsonString());
    }

    [Theory]
    [InlineData("$add")]
    [InlineData("$append")]
    public async Task Groups_AddOrAppend_AreInvalid(string operation)
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);

        var response = await GroupsAsync(client, GroupUpdate(project.Token, operation, new JsonObject { ["n"] = 1 }));

        Assert.Equal("0", response.Body);
        Assert.Empty(fixture.Emulator.GetGroupProfiles(project.Token, "company"));
    }

    [Fact]
    public async Task Engage_UnknownToken_ReturnsOneAndStoresNothing()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);

        var response = await EngageAsync(client, Update("unknown-token", "$set", new JsonObject { ["a"] = 1 }));

        Assert.Equal("1", response.Body);
        Assert.Empty(fixture.Emulator.GetProfiles(project.Token));
    }

    private static JsonObject Update(string token, string operation, JsonNode? value) => new()
    {
        ["$token"] = token,
        ["$distinct_id"] = "u1",
        [operation] = value,
    };

    private static JsonObject GroupUpdate(string token, string operation, JsonNode? value) => new()
    {
        ["$token"] = token,
        ["$group_key"] = "company",
        ["$group_id"] = "acme",
        [operation] = value,
    };

    private static Task<IngestionResponse> EngageAsync(IngestionClient client, params JsonObject[] updates) =>
        client.PostAsync("/engage", IngestionClient.Json(new JsonArray([.. updates]).ToJsonString()));

    private static Task<IngestionResponse> GroupsAsync(IngestionClient client, params JsonObject[] updates) =>
        client.PostAsync("/groups", IngestionClient.Json(new JsonArray([.. updates]).ToJsonString()));
}
