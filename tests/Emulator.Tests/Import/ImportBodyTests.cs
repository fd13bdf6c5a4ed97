using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace MixpanelSync.Emulator.Tests;

public sealed class ImportBodyTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Import_JsonArray_StoresEveryEvent()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);

        var response = await client.ImportAsync(
            project.Token,
            Events.Array(Events.Valid(fixture.Now), Events.Valid(fixture.Now)));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("""{"code":200,"num_records_imported":2,"status":"OK"}""", response.Body);
        Assert.Equal(2, fixture.Emulator.GetEvents(project.Token).Count);
    }

    [Fact]
    public async Task Import_Ndjson_StoresEveryEvent()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var body = new StringContent(
            Events.Ndjson(Events.Valid(fixture.Now), Events.Valid(fixture.Now), Events.Valid(fixture.Now)) + "\n",
            Encoding.UTF8,
            "application/x-ndjson");

        var response = await client.PostAsync("/import?strict=1", body, IngestionClient.BasicToken(project.Token));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("""{"code":200,"num_records_imported":3,"status":"OK"}""", response.Body);
        Assert.Equal(3, fixture.Emulator.GetEvents(project.Token).Count);
    }

    [Fact]
    public async Task Import_GzipBody_DecompressesBeforeParsing()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var json = Encoding.UTF8.GetBytes(Events.Array(Events.Valid(fixture.Now)));

        var response = await client.ImportGzipAsync(project.Token, json);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Single(fixture.Emulator.GetEvents(project.Token));
    }

    [Fact]
    public async Task Import_FormDataRawJson_ReturnsPlainOne()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var form = IngestionClient.Form(Events.Array(Events.Valid(fixture.Now)));

        var response = await client.PostAsync("/import", form, IngestionClient.BasicToken(project.Token));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("1", response.Body);
        Assert.Single(fixture.Emulator.GetEvents(project.Token));
    }

    [Fact]
    public async Task Import_FormDataBase64_ReturnsPlainOne()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var form = IngestionClient.Form(Events.Base64(Events.Array(Events.Valid(fixture.Now))));

        var response = await client.PostAsync("/import", form, IngestionClient.BasicToken(project.Token));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("1", response.Body);
        Assert.Single(fixture.Emulator.GetEvents(project.Token));
    }

    [Fact]
    public async Task Import_FormDataVerbose_ReturnsStatusJson()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var form = IngestionClient.Form(Events.Base64(Events.Array(Events.Valid(fixture.Now))));

        var response = await client.PostAsync("/import?verbose=1", form, IngestionClient.BasicToken(project.Token));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("""{"status":1,"error":null}""", response.Body);
    }

    [Fact]
    public async Task Import_FormDataStrict_ReturnsStrictJson()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var form = IngestionClient.Form(Events.Array(Events.Valid(fixture.Now)));

        var response = await client.PostAsync("/import?strict=1", form, IngestionClient.BasicToken(project.Token));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("""{"code":200,"num_records_imported":1,"status":"OK"}""", response.Body);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[{\"event\":\"a\",")]
    [InlineData("[1,2] extra")]
    [InlineData("")]
    public async Task Import_UnparseableBody_Returns400(string body)
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);

        var response = await client.ImportAsync(project.Token, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(400, response.Json.GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrEmpty(response.Json.GetProperty("error").GetString()));
        Assert.Equal("Bad Request", response.Json.GetProperty("status").GetString());
        Assert.Equal(3, response.Json.EnumerateObject().Count());
        Assert.Empty(fixture.Emulator.GetEvents(project.Token));
    }

    [Fact]
    public async Task Import_InvalidGzip_Returns400()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("[not gzip]"));
        content.Headers.ContentEncoding.Add("gzip");

        var response = await client.PostAsync("/import?strict=1", content, IngestionClient.BasicToken(project.Token));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("request body is not valid gzip data", response.Json.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Import_2000Events_Returns200()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var events = Enumerable.Range(0, 2000).Select(_ => Events.Valid(fixture.Now)).ToArray();

        var response = await client.ImportAsync(project.Token, Events.Array(events));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("""{"code":200,"num_records_imported":2000,"status":"OK"}""", response.Body);
    }

    [Fact]
    public async Task Import_2001Events_Returns400AndStoresNothing()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var events = Enumerable.Range(0, 2001).Select(_ => Events.Valid(fixture.Now)).ToArray();

        var response = await client.ImportAsync(project.Token, Events.Array(events));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(
            """{"code":400,"error":"request exceeds max of 2000 records","status":"Bad Request"}""",
            response.Body);
        Assert.Empty(fixture.Emulator.GetEvents(project.Token));
    }

    [Fact]
    public async Task Import_EmptyArray_Returns200WithZero()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);

        var response = await client.ImportAsync(project.Token, "[]");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("""{"code":200,"num_records_imported":0,"status":"OK"}""", response.Body);
    }

    [Fact]
    public async Task Import_TrailingSlash_IsAccepted()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);

        var response = await client.PostAsync(
            "/import/?strict=1",
            IngestionClient.Json(Events.Array(Events.Valid(fixture.Now))),
            IngestionClient.BasicToken(project.Token));

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task Import_JsonLabelledAsForm_IsReadAsJson()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var content = new StringContent(
            Events.Array(Events.Valid(fixture.Now)),
            Encoding.UTF8,
            "application/x-www-form-urlencoded");

        var response = await client.PostAsync("/import", content, IngestionClient.BasicToken(project.Token));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("""{"code":200,"num_records_imported":1,"status":"OK"}""", response.Body);
    }

    [Fact]
    public async Task Import_SingleObjectBody_IsOneEvent()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);

        var response = await client.ImportAsync(project.Token, Events.Valid(fixture.Now).ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Single(fixture.Emulator.GetEvents(project.Token));
    }

    [Fact]
    public async Task Import_UnknownContentEncoding_Returns400()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var content = IngestionClient.Json(new JsonArray().ToJsonString());
        content.Headers.ContentEncoding.Add("br");

        var response = await client.PostAsync("/import?strict=1", content, IngestionClient.BasicToken(project.Token));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
    }
}
