using System.Net;
using System.Text.Json.Nodes;
using MixpanelSync.MixpanelEmulator;

namespace MixpanelSync.Emulator.Tests;

public sealed class ImportAuthenticationTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private const string UnauthorizedBody = """{"code":401,"error":"Invalid credentials","status":"Unauthorized"}""";

    private string OneEvent => Events.Array(Events.Valid(fixture.Now));

    [Fact]
    public async Task Import_NoCredentials_Returns401()
    {
        using var client = new IngestionClient(fixture.Emulator);

        var response = await client.PostAsync("/import?strict=1", IngestionClient.Json(OneEvent));

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal(UnauthorizedBody, response.Body);
    }

    [Fact]
    public async Task Import_UnknownToken_Returns401()
    {
        using var client = new IngestionClient(fixture.Emulator);

        var response = await client.ImportAsync("no-such-token", OneEvent);

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal(UnauthorizedBody, response.Body);
    }

    [Fact]
    public async Task Import_TokenWithEmptyPassword_Returns200()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);

        var response = await client.ImportAsync(project.Token, OneEvent);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Single(fixture.Emulator.GetEvents(project.Token));
    }

    [Fact]
    public async Task Import_TokenWithPasswordAndNoProjectId_Returns401()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);

        var response = await client.PostAsync(
            "/import?strict=1",
            IngestionClient.Json(OneEvent),
            IngestionClient.BasicUser(project.Token, "password"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal(UnauthorizedBody, response.Body);
    }

    [Fact]
    public async Task Import_ServiceAccountWithProjectId_Returns200()
    {
        var project = fixture.AddServiceAccountProject();
        var account = project.ServiceAccount!;
        using var client = new IngestionClient(fixture.Emulator);

        var response = await client.PostAsync(
            $"/import?strict=1&project_id={project.ProjectId}",
            IngestionClient.Json(OneEvent),
            IngestionClient.BasicUser(account.Username, account.Secret));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("""{"code":200,"num_records_imported":1,"status":"OK"}""", response.Body);
    }

    [Fact]
    public async Task Import_UnencodedServiceAccount_Returns200()
    {
        var project = fixture.AddServiceAccountProject();
        var account = project.ServiceAccount!;
        using var client = new IngestionClient(fixture.Emulator);

        var response = await client.PostAsync(
            $"/import?strict=1&project_id={project.ProjectId}",
            IngestionClient.Json(OneEvent),
            $"Basic {account.Username}:{account.Secret}");

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task Import_ServiceAccountWithoutProjectId_Returns401()
    {
        var project = fixture.AddServiceAccountProject();
        var account = project.ServiceAccount!;
        using var client = new IngestionClient(fixture.Emulator);

        var response = await client.PostAsync(
            "/import?strict=1",
            IngestionClient.Json(OneEvent),
            IngestionClient.BasicUser(account.Username, account.Secret));

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal(UnauthorizedBody, response.Body);
    }

    [Fact]
    public async Task Import_ServiceAccountWrongSecret_Returns401()
    {
        var project = fixture.AddServiceAccountProject();
        using var client = new IngestionClient(fixture.Emulator);

        var response = await client.PostAsync(
            $"/import?strict=1&project_id={project.ProjectId}",
            IngestionClient.Json(OneEvent),
            IngestionClient.BasicUser(project.ServiceAccount!.Username, "wrong"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal(UnauthorizedBody, response.Body);
    }

    [Fact]
    public async Task Import_ServiceAccountOfOtherProject_Returns401()
    {
        var owner = fixture.AddServiceAccountProject();
        var other = fixture.AddServiceAccountProject();
        using var client = new IngestionClient(fixture.Emulator);

        var response = await client.PostAsync(
            $"/import?strict=1&project_id={other.ProjectId}",
            IngestionClient.Json(OneEvent),
            IngestionClient.BasicUser(owner.ServiceAccount!.Username, owner.ServiceAccount.Secret));

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
    }

    [Theory]
    [InlineData(EmulatorServiceAccountRole.Analyst)]
    [InlineData(EmulatorServiceAccountRole.Consumer)]
    public async Task Import_ServiceAccountWithoutImportRole_Returns401(EmulatorServiceAccountRole role)
    {
        var project = fixture.AddServiceAccountProject(role);
        using var client = new IngestionClient(fixture.Emulator);

        var response = await client.PostAsync(
            $"/import?strict=1&project_id={project.ProjectId}",
            IngestionClient.Json(OneEvent),
            IngestionClient.BasicUser(project.ServiceAccount!.Username, project.ServiceAccount.Secret));

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal(UnauthorizedBody, response.Body);
    }

    [Fact]
    public async Task Import_AdminServiceAccount_Returns200()
    {
        var project = fixture.AddServiceAccountProject(EmulatorServiceAccountRole.Admin);
        using var client = new IngestionClient(fixture.Emulator);

        var response = await client.PostAsync(
            $"/import?strict=1&project_id={project.ProjectId}",
            IngestionClient.Json(OneEvent),
            IngestionClient.BasicUser(project.ServiceAccount!.Username, project.ServiceAccount.Secret));

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task Import_ExpiredServiceAccount_Returns401()
    {
        var project = fixture.AddServiceAccountProject(expiresAt: fixture.Now.AddSeconds(-1));
        using var client = new IngestionClient(fixture.Emulator);

        var response = await client.PostAsync(
            $"/import?strict=1&project_id={project.ProjectId}",
            IngestionClient.Json(OneEvent),
            IngestionClient.BasicUser(project.ServiceAccount!.Username, project.ServiceAccount.Secret));

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
    }

    [Fact]
    public async Task Import_ProjectSecretWithEmptyPassword_Returns200()
    {
        var project = fixture.AddProject(project => project with { ApiSecret = "secret-" + Guid.NewGuid() });
        using var client = new IngestionClient(fixture.Emulator);

        var response = await client.PostAsync(
            "/import?strict=1",
            IngestionClient.Json(OneEvent),
            IngestionClient.BasicToken(project.ApiSecret!));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Single(fixture.Emulator.GetEvents(project.Token));
    }

    [Fact]
    public async Task Import_BearerToken_Returns401()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);

        var response = await client.PostAsync(
            "/import?strict=1",
            IngestionClient.Json(OneEvent),
            "Bearer " + project.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal(UnauthorizedBody, response.Body);
    }

    [Fact]
    public async Task Import_RejectedCredentials_NeverReturns403()
    {
        var project = fixture.AddServiceAccountProject(EmulatorServiceAccountRole.Consumer);
        using var client = new IngestionClient(fixture.Emulator);

        var responses = new[]
        {
            await client.ImportAsync("unknown", OneEvent),
            await client.PostAsync(
                $"/import?strict=1&project_id={project.ProjectId}",
                IngestionClient.Json(OneEvent),
                IngestionClient.BasicUser(project.ServiceAccount!.Username, project.ServiceAccount.Secret)),
        };

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.Unauthorized, response.Status));
    }

    [Fact]
    public async Task ConnectionCheck_BadToken_Returns401()
    {
        using var client = new IngestionClient(fixture.Emulator);

        var response = await client.ImportAsync("bad-token", ConnectionCheckBody());

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal(UnauthorizedBody, response.Body);
    }

    [Fact]
    public async Task ConnectionCheck_GoodToken_Returns400AndStoresNothing()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);

        var response = await client.ImportAsync(project.Token, ConnectionCheckBody());

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(0, response.Json.GetProperty("num_records_imported").GetInt32());
        Assert.Equal(1, response.Json.GetProperty("failed_records").GetArrayLength());
        Assert.Empty(fixture.Emulator.GetEvents(project.Token));
    }

    /// <summary>One event that fails validation on purpose: its time is before 1971.</summary>
    private static string ConnectionCheckBody() => new JsonArray(new JsonObject
    {
        ["event"] = "connection check",
        ["properties"] = new JsonObject
        {
            ["time"] = 0,
            ["distinct_id"] = "connection-check",
            ["$insert_id"] = "connection-check",
        },
    }).ToJsonString();
}
