using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace MixpanelSync.Emulator.Tests;

public sealed class TrackTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Track_FormBase64_StoresAndReturnsOne()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);

        var response = await client.PostAsync("/track", IngestionClient.Form(Events.Base64(Array(project.Token))));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("1", response.Body);
        var stored = Assert.Single(fixture.Emulator.GetEvents(project.Token));
        Assert.Equal("/track", stored.Endpoint);
        Assert.Null(stored.GetProperty("$import"));
        Assert.Equal("api.mixpanel.com", stored.GetProperty("$mp_api_endpoint")!.Value.GetString());
    }

    [Fact]
    public async Task Track_FormRawJson_Stores()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);

        var response = await client.PostAsync("/track/", IngestionClient.Form(Array(project.Token)));

        Assert.Equal("1", response.Body);
        Assert.Single(fixture.Emulator.GetEvents(project.Token));
    }

    [Fact]
    public async Task Track_UnencodedBase64WithPlus_Stores()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var base64 = Base64WithPlus(project.Token);
        var content = new StringContent("data=" + base64, Encoding.ASCII, "application/x-www-form-urlencoded");

        var response = await client.PostAsync("/track", content);

        Assert.Equal("1", response.Body);
        Assert.Single(fixture.Emulator.GetEvents(project.Token));
    }

    [Fact]
    public async Task Track_GetWithDataQuery_Stores()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var single = TrackEvent(project.Token).ToJsonString();

        var response = await client.GetAsync("/track?ip=0&data=" + Uri.EscapeDataString(Events.Base64(single)));

        Assert.Equal("1", response.Body);
        Assert.Single(fixture.Emulator.GetEvents(project.Token));
    }

    [Fact]
    public async Task Track_JsonBody_Stores()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);

        var response = await client.PostAsync("/track", IngestionClient.Json(Array(project.Token)));

        Assert.Equal("1", response.Body);
        Assert.Single(fixture.Emulator.GetEvents(project.Token));
    }

    [Fact]
    public async Task Track_GzipForm_Stores()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var form = Encoding.ASCII.GetBytes("data=" + Uri.EscapeDataString(Events.Base64(Array(project.Token))));

        var response = await client.PostAsync(
            "/track",
            IngestionClient.GzipContent(form, "application/x-www-form-urlencoded"));

        Assert.Equal("1", response.Body);
        Assert.Single(fixture.Emulator.GetEvents(project.Token));
    }

    [Fact]
    public async Task Track_UnknownToken_ReturnsOneAndStoresNothing()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);

        var response = await client.PostAsync("/track", IngestionClient.Form(Array("unknown-token")));

        Assert.Equal("1", response.Body);
        Assert.Empty(fixture.Emulator.GetEvents(project.Token));
    }

    [Fact]
    public async Task Track_OlderThanFiveDays_DroppedSilently()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var old = TrackEvent(project.Token).With("time", fixture.Now.AddDays(-5).AddMinutes(-1).ToUnixTimeSeconds());
        var recent = TrackEvent(project.Token).With("time", fixture.Now.AddDays(-4).ToUnixTimeSeconds());

        var response = await client.PostAsync("/track", IngestionClient.Form(Events.Array(old, recent)));

        Assert.Equal("1", response.Body);
        Assert.Single(fixture.Emulator.GetEvents(project.Token));
    }

    [Fact]
    public async Task Track_MissingTimeAndInsertId_UsesArrivalTimeAndGeneratesId()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var bare = TrackEvent(project.Token).Without("time").Without("$insert_id");

        await client.PostAsync("/track", IngestionClient.Form(Events.Array(bare)));

        var stored = Assert.Single(fixture.Emulator.GetEvents(project.Token));
        Assert.Equal(fixture.Now.ToUnixTimeSeconds(), stored.GetProperty("time")!.Value.GetInt64());
        Assert.True(stored.InsertIdGenerated);
    }

    [Theory]
    [InlineData("not json or base64!")]
    [InlineData("[{\"event\":")]
    public async Task Track_UnreadableData_ReturnsZero(string data)
    {
        using var client = new IngestionClient(fixture.Emulator);

        var response = await client.PostAsync("/track", IngestionClient.Form(data));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("0", response.Body);
    }

    [Fact]
    public async Task Track_NoValidEvent_ReturnsZero()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var invalid = TrackEvent(project.Token).With("distinct_id", "undefined");

        var response = await client.PostAsync("/track", IngestionClient.Form(Events.Array(invalid)));

        Assert.Equal("0", response.Body);
    }

    [Fact]
    public async Task Track_Verbose_ReturnsStatusJson()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);

        var ok = await client.PostAsync("/track?verbose=1", IngestionClient.Form(Array(project.Token)));
        var failed = await client.PostAsync("/track?verbose=1", IngestionClient.Form("{"));

        Assert.Equal("""{"status":1,"error":null}""", ok.Body);
        Assert.Equal(HttpStatusCode.OK, failed.Status);
        Assert.Equal(0, failed.Json.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(failed.Json.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task Track_Img_ReturnsGif()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);

        var response = await client.PostAsync("/track?img=1", IngestionClient.Form(Array(project.Token)));

        Assert.Equal("image/gif", response.MediaType);
        Assert.Equal("GIF89a"u8.ToArray(), response.BodyBytes[..6]);
    }

    [Fact]
    public async Task Track_Callback_ReturnsJavaScriptCall()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);

        var response = await client.PostAsync("/track?callback=done", IngestionClient.Form(Array(project.Token)));

        Assert.Equal("text/javascript", response.MediaType);
        Assert.Equal("done(1)", response.Body);
    }

    [Fact]
    public async Task Track_Redirect_Returns302()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var target = Uri.EscapeDataString(fixture.Emulator.GetBaseAddress() + "_emulator/stats");

        var response = await client.PostAsync($"/track?redirect={target}", IngestionClient.Form(Array(project.Token)));

        Assert.Equal(HttpStatusCode.Found, response.Status);
        Assert.Equal(fixture.Emulator.GetBaseAddress() + "_emulator/stats", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Track_2001Events_ReturnsZero()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var events = Enumerable.Range(0, 2001).Select(_ => TrackEvent(project.Token)).ToArray();

        var response = await client.PostAsync("/track", IngestionClient.Json(Events.Array(events)));

        Assert.Equal("0", response.Body);
        Assert.Empty(fixture.Emulator.GetEvents(project.Token));
    }

    private JsonObject TrackEvent(string token) => Events.Valid(fixture.Now).With("token", token);

    private string Array(string token) => Events.Array(TrackEvent(token));

    /// <summary>
    /// Returns base64 of a one-event payload that contains '+', as clients that skip URL-encoding send it.
    /// </summary>
    private string Base64WithPlus(string token)
    {
        for (var i = 0; i < 64; i++)
        {
            var base64 = Events.Base64(Events.Array(TrackEvent(token).With("pad", new string('~', i))));
            if (base64.Contains('+', StringComparison.Ordinal))
            {
                return base64;
            }
        }

        throw new InvalidOperationException("No padding produced a '+' in the base64 payload.");
    }
}
