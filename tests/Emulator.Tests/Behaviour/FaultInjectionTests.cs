using System.Net;

namespace MixpanelSync.Emulator.Tests;

public sealed class FaultInjectionTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Theory]
    [InlineData(500, "Internal Server Error")]
    [InlineData(502, "Bad Gateway")]
    [InlineData(503, "Service Unavailable")]
    public async Task FailNext_ServerError_ReturnsStatusAndStoresNothing(int statusCode, string reason)
    {
        var project = fixture.AddProject();
        fixture.Emulator.GetFaults(project.Token).FailNext(2, statusCode);
        using var client = new IngestionClient(fixture.Emulator);

        var first = await client.ImportAsync(project.Token, Batch());
        var second = await client.ImportAsync(project.Token, Batch());
        var third = await client.ImportAsync(project.Token, Batch());

        Assert.Equal(statusCode, (int)first.Status);
        Assert.Contains(reason, first.Body, StringComparison.Ordinal);
        Assert.Equal(statusCode, (int)second.Status);
        Assert.Equal(HttpStatusCode.OK, third.Status);
        Assert.Single(fixture.Emulator.GetEvents(project.Token));
        Assert.Equal(2, fixture.Emulator.GetStats(project.Token).GetRequestCount(statusCode));
    }

    [Fact]
    public async Task FailNext_429_ReturnsRateLimitBody()
    {
        var project = fixture.AddProject();
        fixture.Emulator.GetFaults(project.Token).FailNext(1, 429);
        using var client = new IngestionClient(fixture.Emulator);

        var response = await client.ImportAsync(project.Token, Batch());

        Assert.Equal(HttpStatusCode.TooManyRequests, response.Status);
        Assert.Equal(429, response.Json.GetProperty("code").GetInt32());
        Assert.Equal("Too Many Requests", response.Json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task FailureRate_One_FailsEveryRequest()
    {
        var project = fixture.AddProject();
        fixture.Emulator.GetFaults(project.Token).SetFailureRate(1.0, 502);
        using var client = new IngestionClient(fixture.Emulator);

        var responses = new[]
        {
            await client.ImportAsync(project.Token, Batch()),
            await client.ImportAsync(project.Token, Batch()),
        };

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.BadGateway, response.Status));
        Assert.Empty(fixture.Emulator.GetEvents(project.Token));
    }

    [Fact]
    public async Task Latency_DelaysTheResponse()
    {
        var project = fixture.AddProject();
        fixture.Emulator.GetFaults(project.Token).SetLatency(TimeSpan.FromMilliseconds(300));
        using var client = new IngestionClient(fixture.Emulator);
        var started = System.Diagnostics.Stopwatch.StartNew();

        var response = await client.ImportAsync(project.Token, Batch());

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.True(started.Elapsed >= TimeSpan.FromMilliseconds(290), $"took {started.Elapsed}");
    }

    [Fact]
    public async Task HangNext_NeverRespondsOrStores()
    {
        var project = fixture.AddProject();
        fixture.Emulator.GetFaults(project.Token).HangNext(1);
        using var client = new IngestionClient(fixture.Emulator) { Timeout = TimeSpan.FromMilliseconds(500) };

        await Assert.ThrowsAsync<TaskCanceledException>(() => client.ImportAsync(project.Token, Batch()));
        var next = await client.ImportAsync(project.Token, Batch());

        Assert.Equal(HttpStatusCode.OK, next.Status);
        Assert.Single(fixture.Emulator.GetEvents(project.Token));
        Assert.Equal(1, fixture.Emulator.GetStats(project.Token).RequestsHung);
    }

    [Fact]
    public async Task DropConnectionAfterStore_StoresButClientFails()
    {
        var project = fixture.AddProject();
        fixture.Emulator.GetFaults(project.Token).DropConnectionAfterStoreNext(1);
        using var client = new IngestionClient(fixture.Emulator);
        var batch = Events.Array(Events.Valid(fixture.Now, "retry-1"));

        await Assert.ThrowsAsync<HttpRequestException>(() => client.ImportAsync(project.Token, batch));
        var retry = await client.ImportAsync(project.Token, batch);

        Assert.Equal(HttpStatusCode.OK, retry.Status);
        Assert.Equal(2, fixture.Emulator.GetEvents(project.Token).Count);
        Assert.Single(fixture.Emulator.GetDeduplicatedEvents(project.Token));
        Assert.Equal(1, fixture.Emulator.GetStats(project.Token).ConnectionsDropped);
    }

    [Fact]
    public async Task RevokeToken_Returns401FromNowOn()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var before = await client.ImportAsync(project.Token, Batch());

        fixture.Emulator.GetFaults(project.Token).RevokeToken();
        var after = await client.ImportAsync(project.Token, Batch());

        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, after.Status);
        Assert.Equal("""{"code":401,"error":"Invalid credentials","status":"Unauthorized"}""", after.Body);
    }

    [Fact]
    public async Task Clear_RemovesEveryFault()
    {
        var project = fixture.AddProject();
        var faults = fixture.Emulator.GetFaults(project.Token);
        faults.FailNext(5, 503);
        faults.RevokeToken();
        faults.SetFailureRate(1.0);
        using var client = new IngestionClient(fixture.Emulator);

        faults.Clear();
        var response = await client.ImportAsync(project.Token, Batch());

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.False(faults.IsTokenRevoked);
    }

    [Fact]
    public async Task InspectionApi_PostFaults_AppliesThem()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);

        var set = await client.PostAsync(
            $"/_emulator/projects/{project.Token}/faults",
            IngestionClient.Json("""{"failNext":1,"statusCode":502}"""));
        var failed = await client.ImportAsync(project.Token, Batch());
        var passed = await client.ImportAsync(project.Token, Batch());

        Assert.Equal(HttpStatusCode.NoContent, set.Status);
        Assert.Equal(HttpStatusCode.BadGateway, failed.Status);
        Assert.Equal(HttpStatusCode.OK, passed.Status);
    }

    [Fact]
    public void FailNext_StatusOutsideErrorRange_Throws()
    {
        var project = fixture.AddProject();

        Assert.Throws<ArgumentOutOfRangeException>(() => fixture.Emulator.GetFaults(project.Token).FailNext(1, 200));
    }

    private string Batch() => Events.Array(Events.Valid(fixture.Now));
}
