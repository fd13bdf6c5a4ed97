using System.Net;
using System.Text.Json;
using static MixpanelSync.Mixpanel.Tests.FakeMixpanelHandler;

namespace MixpanelSync.Mixpanel.Tests.Delivery;

public sealed class CredentialCheckTests
{
    private static DeliveryHarness CreateSut(Func<HttpResponseMessage> respond) =>
        new((_, _) => Task.FromResult(respond()));

    [Fact]
    public async Task CheckCredentialsAsync_FailedRecordForCheckEvent_ReportsAccepted()
    {
        using var harness = CreateSut(() => Json(
            HttpStatusCode.BadRequest,
            """{"code":400,"num_records_imported":0,"failed_records":[{"index":0,"field":"properties.time"}]}"""));

        var result = await harness.Client.CheckCredentialsAsync(DeliveryHarness.Target(MixpanelResidency.Eu));

        Assert.Equal(CredentialCheckStatus.Accepted, result.Status);
        Assert.Equal(400, result.StatusCode);
        var request = Assert.Single(harness.Handler.Requests);
        Assert.Equal("https://api-eu.mixpanel.com/import?strict=1", request.Uri.AbsoluteUri);
        var sent = Assert.Single(request.Events());
        Assert.Equal(0, sent.GetProperty("properties").GetProperty("time").GetInt64());
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    public async Task CheckCredentialsAsync_CredentialsRejected_ReportsRejected(HttpStatusCode status)
    {
        using var harness = CreateSut(() => Json(status, """{"error":"Invalid credentials"}"""));

        var result = await harness.Client.CheckCredentialsAsync(DeliveryHarness.Target(MixpanelResidency.In));

        Assert.Equal(CredentialCheckStatus.Rejected, result.Status);
        Assert.Contains("api-in.mixpanel.com", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(DeliveryHarness.Token, result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckCredentialsAsync_NoResponse_ReportsUnreachable()
    {
        using var harness = new DeliveryHarness(
            (_, _) => throw new HttpRequestException("Connection refused"),
            options => options.MaxAttempts = 2);

        var result = await harness.RunAsync(harness.Client.CheckCredentialsAsync(DeliveryHarness.Target()));

        Assert.Equal(CredentialCheckStatus.Unreachable, result.Status);
        Assert.Null(result.StatusCode);
    }

    [Fact]
    public async Task CheckCredentialsAsync_NotFound_ReportsInconclusive()
    {
        using var harness = CreateSut(() => Text(HttpStatusCode.NotFound, "<html>not found</html>"));

        var result = await harness.Client.CheckCredentialsAsync(DeliveryHarness.Target());

        Assert.Equal(CredentialCheckStatus.Inconclusive, result.Status);
    }

    [Fact]
    public async Task CheckCredentialsAsync_CheckEvent_IsValidJson()
    {
        using var harness = CreateSut(() => ImportOk(0));

        var check = await harness.Client.CheckCredentialsAsync(DeliveryHarness.Target());

        using var document = JsonDocument.Parse(harness.Handler.Requests[0].BodyText);
        Assert.Equal("MixpanelSync credential check", document.RootElement.GetProperty("event").GetString());
        Assert.Equal(CredentialCheckStatus.Accepted, check.Status);
    }
}
