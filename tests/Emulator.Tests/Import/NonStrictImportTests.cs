using System.Net;

namespace MixpanelSync.Emulator.Tests;

public sealed class NonStrictImportTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Import_StrictZeroValid_ReturnsPlainOne()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);

        var response = await client.ImportAsync(project.Token, Events.Array(Events.Valid(fixture.Now)), "?strict=0");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("1", response.Body);
        Assert.Single(fixture.Emulator.GetEvents(project.Token));
    }

    [Fact]
    public async Task Import_StrictZeroAllInvalid_ReturnsPlainZero()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var invalid = Events.Valid(fixture.Now).With("time", 1);

        var response = await client.ImportAsync(project.Token, Events.Array(invalid), "?strict=0");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("0", response.Body);
        Assert.Empty(fixture.Emulator.GetEvents(project.Token));
    }

    [Fact]
    public async Task Import_StrictZeroVerboseInvalid_ReturnsStatusZeroWithError()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var invalid = Events.Valid(fixture.Now).Without("distinct_id");

        var response = await client.ImportAsync(project.Token, Events.Array(invalid), "?strict=0&verbose=1");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(0, response.Json.GetProperty("status").GetInt32());
        Assert.Equal(
            "'properties.distinct_id' is invalid: must be specified",
            response.Json.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Import_StrictZeroWithoutInsertId_GeneratesOne()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);

        var response = await client.ImportAsync(
            project.Token,
            Events.Array(Events.Valid(fixture.Now).Without("$insert_id")),
            "?strict=0");

        Assert.Equal("1", response.Body);
        var stored = Assert.Single(fixture.Emulator.GetEvents(project.Token));
        Assert.True(stored.InsertIdGenerated);
        Assert.Equal(32, stored.InsertId.Length);
        Assert.Equal(stored.InsertId, stored.GetProperty("$insert_id")!.Value.GetString());
    }

    [Fact]
    public async Task Import_IgnoreProperty_CountsButDoesNotStore()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var ignored = Events.Valid(fixture.Now).With("$ignore", true);

        var response = await client.ImportAsync(project.Token, Events.Array(ignored, Events.Valid(fixture.Now)));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("""{"code":200,"num_records_imported":2,"status":"OK"}""", response.Body);
        Assert.Single(fixture.Emulator.GetEvents(project.Token));
        Assert.Equal(1, fixture.Emulator.GetStats(project.Token).EventsDropped);
    }

    [Fact]
    public async Task Import_StrictZeroOnlyIgnored_ReturnsPlainOne()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var ignored = Events.Valid(fixture.Now).With("$ignore", "yes");

        var response = await client.ImportAsync(project.Token, Events.Array(ignored), "?strict=0");

        Assert.Equal("1", response.Body);
        Assert.Empty(fixture.Emulator.GetEvents(project.Token));
    }

    [Fact]
    public async Task Import_FormUnparseableData_ReturnsPlainZero()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);

        var response = await client.PostAsync(
            "/import",
            IngestionClient.Form("%%% not base64 %%%"),
            IngestionClient.BasicToken(project.Token));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("0", response.Body);
    }
}
