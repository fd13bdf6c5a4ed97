using System.Net;

namespace MixpanelSync.Emulator.Tests;

public sealed class ImportSmokeTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Import_ValidBatch_Returns200()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var response = await client.ImportAsync(project.Token, Events.Array(Events.Valid(fixture.Time.GetUtcNow())));
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("""{"code":200,"num_records_imported":1,"status":"OK"}""", response.Body);
        var stored = Assert.Single(fixture.Emulator.GetEvents(project.Token));
        Assert.Equal("Signed Up", stored.Name);
        Assert.Equal(stored.ToString(), stored.ToString());
        Console.WriteLine(stored.ToString());
    }
}
