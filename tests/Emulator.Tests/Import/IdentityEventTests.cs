using System.Net;
using System.Text.Json.Nodes;
using MixpanelSync.MixpanelEmulator;

namespace MixpanelSync.Emulator.Tests;

public sealed class IdentityEventTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Merge_WithTokenAuth_FailsInOriginalMode()
    {
        var project = fixture.AddProject(project => project with { IdentityMode = EmulatorIdentityMode.Original });
        using var client = new IngestionClient(fixture.Emulator);

        var response = await client.ImportAsync(project.Token, Events.Array(Merge(2)));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        var failure = Assert.Single(response.Json.GetProperty("failed_records").EnumerateArray());
        Assert.Equal("event", failure.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Merge_WithServiceAccount_IsAccepted()
    {
        var original = fixture.AddServiceAccountProject(identityMode: EmulatorIdentityMode.Original);
        using var client = new IngestionClient(fixture.Emulator);

        var response = await client.PostAsync(
            $"/import?strict=1&project_id={original.ProjectId}",
            IngestionClient.Json(Events.Array(Merge(2))),
            IngestionClient.BasicUser(original.ServiceAccount!.Username, original.ServiceAccount.Secret));

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task Merge_WithThreeIds_FailsDistinctIds()
    {
        var project = fixture.AddProject(project => project with
        {
            IdentityMode = EmulatorIdentityMode.Original,
            ApiSecret = "secret-" + Guid.NewGuid(),
        });
        using var client = new IngestionClient(fixture.Emulator);

        var response = await client.PostAsync(
            "/import?strict=1",
            IngestionClient.Json(Events.Array(Merge(3))),
            IngestionClient.BasicToken(project.ApiSecret!));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        var failure = Assert.Single(response.Json.GetProperty("failed_records").EnumerateArray());
        Assert.Equal("properties.$distinct_ids", failure.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Identify_AnonIdNotUuid4_FailsAnonId()
    {
        var project = fixture.AddProject(project => project with { IdentityMode = EmulatorIdentityMode.Original });
        using var client = new IngestionClient(fixture.Emulator);
        var identify = Events.Valid(fixture.Now, name: "$identify")
            .With("$identified_id", "u-1")
            .With("$anon_id", "device-1");
        var valid = Events.Valid(fixture.Now, name: "$identify")
            .With("$identified_id", "u-1")
            .With("$anon_id", Guid.NewGuid().ToString());

        var response = await client.ImportAsync(project.Token, Events.Array(identify, valid));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        var failure = Assert.Single(response.Json.GetProperty("failed_records").EnumerateArray());
        Assert.Equal("properties.$anon_id", failure.GetProperty("field").GetString());
        Assert.Equal(1, response.Json.GetProperty("num_records_imported").GetInt32());
    }

    [Fact]
    public async Task CreateAlias_WithoutAlias_FailsAlias()
    {
        var project = fixture.AddProject(project => project with { IdentityMode = EmulatorIdentityMode.Original });
        using var client = new IngestionClient(fixture.Emulator);

        var response = await client.ImportAsync(
            project.Token,
            Events.Array(Events.Valid(fixture.Now, name: "$create_alias")));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        var failure = Assert.Single(response.Json.GetProperty("failed_records").EnumerateArray());
        Assert.Equal("properties.alias", failure.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Merge_InSimplifiedMode_IsStoredAsOrdinaryEvent()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);

        var response = await client.ImportAsync(project.Token, Events.Array(Merge(3)));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("$merge", Assert.Single(fixture.Emulator.GetEvents(project.Token)).Name);
    }

    private JsonObject Merge(int idCount) =>
        Events.Valid(fixture.Now, name: "$merge")
            .With("$distinct_ids", new JsonArray([.. Enumerable.Range(0, idCount).Select(i => (JsonNode?)$"id-{i}")]));
}
