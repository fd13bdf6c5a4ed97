using System.Net;
using System.Text;

namespace MixpanelSync.Emulator.Tests;

public sealed class RateLimitTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private const string RateLimitedBody =
        """{"code":429,"error":"Project exceeded rate limits. """ +
        """Please retry the request with exponential backoff.","status":"Too Many Requests"}""";

    [Fact]
    public async Task Import_OverEventLimit_Returns429()
    {
        var project = fixture.AddLimitedProject(maxEvents: 3);
        using var client = new IngestionClient(fixture.Emulator);

        var first = await client.ImportAsync(project.Token, Batch(2));
        var second = await client.ImportAsync(project.Token, Batch(2));

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.Status);
        Assert.Equal(RateLimitedBody, second.Body);
        Assert.Null(second.Headers.RetryAfter);
        Assert.Equal(2, fixture.Emulator.GetEvents(project.Token).Count);
    }

    [Fact]
    public async Task Import_OverByteLimit_Returns429()
    {
        var body = Batch(2);
        var bodyBytes = Encoding.UTF8.GetByteCount(body);
        var project = fixture.AddLimitedProject(maxEvents: long.MaxValue, maxBytes: bodyBytes * 3 / 2);
        using var client = new IngestionClient(fixture.Emulator);

        var first = await client.ImportAsync(project.Token, body);
        var second = await client.ImportAsync(project.Token, body);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.Status);
    }

    [Fact]
    public async Task Import_AfterWindowPasses_IsAcceptedAgain()
    {
        var project = fixture.AddLimitedProject(maxEvents: 2);
        using var client = new IngestionClient(fixture.Emulator);
        await client.ImportAsync(project.Token, Batch(2));

        var limited = await client.ImportAsync(project.Token, Batch(1));
        fixture.Time.Advance(TimeSpan.FromSeconds(61));
        var later = await client.ImportAsync(project.Token, Batch(1));

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Equal(HttpStatusCode.OK, later.Status);
    }

    [Fact]
    public async Task Import_BadRequests_CountAgainstLimit()
    {
        var project = fixture.AddLimitedProject(maxEvents: 3);
        using var client = new IngestionClient(fixture.Emulator);
        var invalid = Events.Array(
            Events.Valid(fixture.Now).With("time", 1),
            Events.Valid(fixture.Now).With("time", 2));

        var rejected = await client.ImportAsync(project.Token, invalid);
        var limited = await client.ImportAsync(project.Token, Batch(2));

        Assert.Equal(HttpStatusCode.BadRequest, rejected.Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
    }

    [Fact]
    public async Task Import_LimitIsPerProject()
    {
        var limited = fixture.AddLimitedProject(maxEvents: 1);
        var other = fixture.AddLimitedProject(maxEvents: 1);
        using var client = new IngestionClient(fixture.Emulator);
        await client.ImportAsync(limited.Token, Batch(1));

        var response = await client.ImportAsync(other.Token, Batch(1));

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task Import_FormModeOverLimit_ReturnsLegacyBody()
    {
        var project = fixture.AddLimitedProject(maxEvents: 1);
        using var client = new IngestionClient(fixture.Emulator);
        await client.ImportAsync(project.Token, Batch(1));

        var response = await client.PostAsync(
            "/import",
            IngestionClient.Form(Events.Base64(Batch(1))),
            IngestionClient.BasicToken(project.Token));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.Status);
        Assert.Equal(
            """{"error":"Project exceeded rate limits. """ +
            """Please retry the request with exponential backoff.","status":0}""",
            response.Body);
    }

    [Fact]
    public async Task Track_OverLimit_Returns429()
    {
        var project = fixture.AddLimitedProject(maxEvents: 1);
        using var client = new IngestionClient(fixture.Emulator);
        var trackEvent = Events.Valid(fixture.Now).With("token", project.Token);
        await client.PostAsync("/track", IngestionClient.Form(Events.Array(trackEvent)));

        var response = await client.PostAsync("/track", IngestionClient.Form(Events.Array(trackEvent)));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.Status);
    }

    private string Batch(int count) =>
        Events.Array([.. Enumerable.Range(0, count).Select(_ => Events.Valid(fixture.Now))]);
}

public sealed class RetryAfterTests(RetryAfterFixture fixture) : IClassFixture<RetryAfterFixture>
{
    [Fact]
    public async Task Import_RetryAfterConfigured_SendsHeader()
    {
        var project = fixture.AddLimitedProject(maxEvents: 1);
        using var client = new IngestionClient(fixture.Emulator);
        var batch = Events.Array(Events.Valid(fixture.Now));
        await client.ImportAsync(project.Token, batch);

        var response = await client.ImportAsync(project.Token, batch);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.Status);
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
    }
}
