using System.Net;
using MixpanelSync.MixpanelEmulator;

namespace MixpanelSync.Emulator.Tests;

public sealed class ResidencyTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public void BaseAddresses_AreDistinctLoopbackPorts()
    {
        var addresses = Enum.GetValues<EmulatorResidency>()
            .SelectMany(residency => new[]
            {
                fixture.Emulator.GetBaseAddress(residency),
                fixture.Emulator.GetHttpsBaseAddress(residency),
            })
            .ToList();

        Assert.Equal(6, addresses.Select(address => address.Port).Distinct().Count());
        Assert.All(addresses, address => Assert.Equal("127.0.0.1", address.Host));
    }

    [Theory]
    [InlineData(EmulatorResidency.Eu, "api-eu.mixpanel.com")]
    [InlineData(EmulatorResidency.India, "api-in.mixpanel.com")]
    public async Task Import_OwnResidency_StoresWithRegionalHost(EmulatorResidency residency, string host)
    {
        var project = fixture.AddProject(project => project with { Residency = residency });
        using var client = new IngestionClient(fixture.Emulator, residency);

        var response = await client.ImportAsync(project.Token, Events.Array(Events.Valid(fixture.Now)));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var stored = Assert.Single(fixture.Emulator.GetEvents(project.Token));
        Assert.Equal(host, stored.GetProperty("$mp_api_endpoint")!.Value.GetString());
    }

    [Fact]
    public async Task Import_WrongResidency_Returns200AndStoresNothing()
    {
        var project = fixture.AddProject(project => project with { Residency = EmulatorResidency.India });
        using var client = new IngestionClient(fixture.Emulator, EmulatorResidency.Us);

        var response = await client.ImportAsync(project.Token, Events.Array(Events.Valid(fixture.Now)));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("""{"code":200,"num_records_imported":1,"status":"OK"}""", response.Body);
        Assert.Empty(fixture.Emulator.GetEvents(project.Token));
        Assert.Equal(1, fixture.Emulator.GetStats(project.Token).EventsDropped);
    }

    [Fact]
    public async Task Track_WrongResidency_ReturnsOneAndStoresNothing()
    {
        var project = fixture.AddProject(project => project with { Residency = EmulatorResidency.Eu });
        using var client = new IngestionClient(fixture.Emulator, EmulatorResidency.Us);
        var trackEvent = Events.Valid(fixture.Now).With("token", project.Token);

        var response = await client.PostAsync("/track", IngestionClient.Form(Events.Array(trackEvent)));

        Assert.Equal("1", response.Body);
        Assert.Empty(fixture.Emulator.GetEvents(project.Token));
    }

    [Fact]
    public async Task AllEndpoints_ServedOnEveryListener()
    {
        using var client = new IngestionClient(fixture.Emulator, EmulatorResidency.India, useHttps: true);

        var import = await client.ImportAsync("unknown", "[]");
        var track = await client.PostAsync("/track", IngestionClient.Form("[]"));
        var engage = await client.PostAsync("/engage", IngestionClient.Json("[]"));
        var groups = await client.PostAsync("/groups", IngestionClient.Json("[]"));

        Assert.Equal(HttpStatusCode.Unauthorized, import.Status);
        Assert.Equal(HttpStatusCode.OK, track.Status);
        Assert.Equal(HttpStatusCode.OK, engage.Status);
        Assert.Equal(HttpStatusCode.OK, groups.Status);
    }
}

public sealed class UnauthorizedResidencyTests(UnauthorizedResidencyFixture fixture)
    : IClassFixture<UnauthorizedResidencyFixture>
{
    [Fact]
    public async Task Import_WrongResidency_Returns401()
    {
        var project = fixture.AddProject(project => project with { Residency = EmulatorResidency.Eu });
        using var client = new IngestionClient(fixture.Emulator, EmulatorResidency.Us);

        var response = await client.ImportAsync(project.Token, Events.Array(Events.Valid(fixture.Now)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("""{"code":401,"error":"Invalid credentials","status":"Unauthorized"}""", response.Body);
        Assert.Empty(fixture.Emulator.GetEvents(project.Token));
    }
}
