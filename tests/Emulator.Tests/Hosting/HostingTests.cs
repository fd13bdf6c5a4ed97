using System.Net;
using System.Security.Cryptography.X509Certificates;
using MixpanelSync.MixpanelEmulator;

namespace MixpanelSync.Emulator.Tests;

public sealed class HostingTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Https_WithTrustedCertificate_Imports()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator, useHttps: true);

        var response = await client.ImportAsync(project.Token, Events.Array(Events.Valid(fixture.Now)));

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public void CertificatePem_CoversLoopbackNames()
    {
        var certificate = X509Certificate2.CreateFromPem(fixture.Emulator.CertificatePem);

        Assert.True(certificate.MatchesHostname("127.0.0.1"));
        Assert.True(certificate.MatchesHostname("localhost"));
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", fixture.Emulator.CertificatePem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InspectionApi_AddProject_AcceptsImports()
    {
        var token = "added-" + Guid.NewGuid().ToString("N");
        using var client = new IngestionClient(fixture.Emulator, EmulatorResidency.Eu);

        var added = await client.PostAsync(
            "/_emulator/projects",
            IngestionClient.Json($$"""{"token":"{{token}}","residency":"Eu"}"""));
        var duplicate = await client.PostAsync(
            "/_emulator/projects",
            IngestionClient.Json($$"""{"token":"{{token}}"}"""));
        var imported = await client.ImportAsync(token, Events.Array(Events.Valid(fixture.Now)));

        Assert.Equal(HttpStatusCode.Created, added.Status);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.Status);
        Assert.Equal(HttpStatusCode.OK, imported.Status);
        Assert.Contains(
            fixture.Emulator.Projects,
            project => project.Token == token && project.Residency == EmulatorResidency.Eu);
    }

    [Fact]
    public async Task InspectionApi_Stats_CountsStatusCodesAndBytes()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        await client.ImportAsync(project.Token, Events.Array(Events.Valid(fixture.Now)));
        await client.ImportAsync("unknown", "[]");

        var stats = await client.GetAsync($"/_emulator/projects/{project.Token}/stats");
        var global = await client.GetAsync("/_emulator/stats");

        Assert.Equal(1, stats.Json.GetProperty("requestsByStatusCode").GetProperty("200").GetInt64());
        Assert.True(stats.Json.GetProperty("requestBytes").GetInt64() > 0);
        Assert.True(stats.Json.GetProperty("responseBytes").GetInt64() > 0);
        Assert.Equal(1, stats.Json.GetProperty("eventsStored").GetInt64());
        Assert.True(global.Json.GetProperty("requestsByStatusCode").GetProperty("401").GetInt64() >= 1);
    }

    [Fact]
    public async Task InspectionApi_Certificate_ReturnsPem()
    {
        using var client = new IngestionClient(fixture.Emulator);

        var response = await client.GetAsync("/_emulator/certificate");

        Assert.Equal(fixture.Emulator.CertificatePem, response.Body);
    }

    [Fact]
    public void AddProject_DuplicateToken_Throws()
    {
        var project = fixture.AddProject();

        Assert.Throws<InvalidOperationException>(() => fixture.Emulator.AddProject(new EmulatorProject(project.Token)));
    }

    [Fact]
    public void GetEvents_UnknownToken_Throws()
    {
        Assert.Throws<KeyNotFoundException>(() => fixture.Emulator.GetEvents("never-added"));
    }

    [Fact]
    public async Task ClearData_RemovesEventsAndProfiles()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        await client.ImportAsync(project.Token, Events.Array(Events.Valid(fixture.Now)));

        fixture.Emulator.ClearData(project.Token);

        Assert.Empty(fixture.Emulator.GetEvents(project.Token));
        Assert.Empty(fixture.Emulator.GetDeduplicatedEvents(project.Token));
    }

    [Fact]
    public async Task StartAsync_FixedBasePort_BindsSixConsecutivePorts()
    {
        var basePort = FreeBasePort();
        await using var emulator = await MixpanelEmulatorHost.StartAsync(
            new MixpanelEmulatorOptions { BasePort = basePort });

        Assert.Equal(basePort, emulator.GetBaseAddress(EmulatorResidency.Us).Port);
        Assert.Equal(basePort + 1, emulator.GetBaseAddress(EmulatorResidency.Eu).Port);
        Assert.Equal(basePort + 2, emulator.GetBaseAddress(EmulatorResidency.India).Port);
        Assert.Equal(basePort + 5, emulator.GetHttpsBaseAddress(EmulatorResidency.India).Port);
    }

    [Fact]
    public async Task StartAsync_InvalidOptions_Throws()
    {
        var options = new MixpanelEmulatorOptions { MaxRequestBytes = 0 };

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => MixpanelEmulatorHost.StartAsync(options));
    }

    /// <summary>Returns a port P for which P to P+5 were free a moment ago.</summary>
    private static int FreeBasePort()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var candidate = Random.Shared.Next(20_000, 60_000);
            if (Enumerable.Range(candidate, 6).All(IsFree))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("No six consecutive free loopback ports found.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }
}

public sealed class CountingOnlyTests(CountingOnlyFixture fixture) : IClassFixture<CountingOnlyFixture>
{
    [Fact]
    public async Task Import_CountingOnly_CountsWithoutStoring()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var invalid = Events.Valid(fixture.Now).With("time", 1);

        var response = await client.ImportAsync(project.Token, Events.Array(invalid, Events.Valid(fixture.Now)));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("""{"code":200,"num_records_imported":2,"status":"OK"}""", response.Body);
        Assert.Empty(fixture.Emulator.GetEvents(project.Token));
        Assert.Equal(2, fixture.Emulator.GetStats(project.Token).EventsReceived);
    }

    [Fact]
    public async Task Import_CountingOnly_StillChecksCredentials()
    {
        using var client = new IngestionClient(fixture.Emulator);

        var response = await client.ImportAsync("unknown", "[]");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
    }
}
