using System.Net;
using MixpanelSync.MixpanelEmulator;

namespace MixpanelSync.Emulator.Tests;

public sealed class StoredEventTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Import_StoredEvent_HasIngestionProperties()
    {
        var project = fixture.AddProject(project => project with { Residency = EmulatorResidency.Eu });
        using var client = new IngestionClient(fixture.Emulator, EmulatorResidency.Eu);

        await client.ImportAsync(project.Token, Events.Array(Events.Valid(fixture.Now).With("ip", "203.0.113.9")));

        var stored = Assert.Single(fixture.Emulator.GetEvents(project.Token));
        Assert.True(stored.GetProperty("$import")!.Value.GetBoolean());
        Assert.Equal("api-eu.mixpanel.com", stored.GetProperty("$mp_api_endpoint")!.Value.GetString());
        Assert.Equal(
            fixture.Now.ToUnixTimeMilliseconds(),
            stored.GetProperty("$mp_api_timestamp_ms")!.Value.GetInt64());
        Assert.Null(stored.GetProperty("ip"));
        Assert.Equal("pro", stored.GetProperty("plan")!.Value.GetString());
        Assert.Equal("/import", stored.Endpoint);
        Assert.Equal(fixture.Now, stored.IngestedAt);
    }

    [Fact]
    public async Task Import_ClientSetServerProperties_AreReplaced()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var eventObject = Events.Valid(fixture.Now).With("$mp_api_endpoint", "spoofed").With("$import", false);

        await client.ImportAsync(project.Token, Events.Array(eventObject));

        var stored = Assert.Single(fixture.Emulator.GetEvents(project.Token));
        Assert.Equal("api.mixpanel.com", stored.GetProperty("$mp_api_endpoint")!.Value.GetString());
        Assert.True(stored.GetProperty("$import")!.Value.GetBoolean());
        Assert.Single(stored.Properties.EnumerateObject(), property => property.Name == "$import");
    }

    [Fact]
    public async Task Import_SameKeyTwice_DedupViewKeepsLatest()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var first = Events.Valid(fixture.Now, "dup-1").With("attempt", 1);
        var second = Events.Valid(fixture.Now, "dup-1").With("attempt", 2);

        await client.ImportAsync(project.Token, Events.Array(first));
        await client.ImportAsync(project.Token, Events.Array(second));

        Assert.Equal(2, fixture.Emulator.GetEvents(project.Token).Count);
        var kept = Assert.Single(fixture.Emulator.GetDeduplicatedEvents(project.Token));
        Assert.Equal(2, kept.GetProperty("attempt")!.Value.GetInt32());
        Assert.Equal(2, kept.Sequence);
    }

    [Theory]
    [InlineData("event")]
    [InlineData("distinct_id")]
    [InlineData("time")]
    [InlineData("$insert_id")]
    public async Task Import_OneKeyFieldDiffers_BothKeptInDedupView(string field)
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var first = Events.Valid(fixture.Now, "key-1");
        var second = Events.Valid(fixture.Now, "key-1");
        switch (field)
        {
            case "event":
                second["event"] = "Other";
                break;
            case "distinct_id":
                second.With("distinct_id", "user-2");
                break;
            case "time":
                second.With("time", fixture.Now.AddSeconds(-1).ToUnixTimeSeconds());
                break;
            default:
                second.With("$insert_id", "key-2");
                break;
        }

        await client.ImportAsync(project.Token, Events.Array(first, second));

        Assert.Equal(2, fixture.Emulator.GetDeduplicatedEvents(project.Token).Count);
    }

    [Fact]
    public async Task Import_SecondsAndMillisecondsOfSameTime_AreOneKey()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var seconds = Events.Valid(fixture.Now, "unit-1").With("time", fixture.Now.ToUnixTimeSeconds());
        var milliseconds = Events.Valid(fixture.Now, "unit-1").With("time", fixture.Now.ToUnixTimeMilliseconds());

        await client.ImportAsync(project.Token, Events.Array(seconds, milliseconds));

        Assert.Single(fixture.Emulator.GetDeduplicatedEvents(project.Token));
    }

    [Fact]
    public async Task Import_GeneratedInsertIds_AreNeverDeduplicated()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var copy = Events.Valid(fixture.Now).Without("$insert_id");

        await client.ImportAsync(project.Token, Events.Array(copy, copy.DeepClone().AsObject()), "?strict=0");

        Assert.Equal(2, fixture.Emulator.GetDeduplicatedEvents(project.Token).Count);
    }

    [Fact]
    public async Task Import_SimplifiedUserIdOnly_DerivesDistinctId()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var eventObject = Events.Valid(fixture.Now)
            .Without("distinct_id")
            .With("$user_id", "u-42")
            .With("$device_id", "d-1");

        var response = await client.ImportAsync(project.Token, Events.Array(eventObject));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var stored = Assert.Single(fixture.Emulator.GetEvents(project.Token));
        Assert.Equal("u-42", stored.DistinctId);
        Assert.Equal("u-42", stored.GetProperty("distinct_id")!.Value.GetString());
        Assert.Equal("d-1", stored.GetProperty("$device_id")!.Value.GetString());
    }

    [Fact]
    public async Task Import_SimplifiedDeviceIdOnly_DerivesDevicePrefix()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var eventObject = Events.Valid(fixture.Now).Without("distinct_id").With("$device_id", "d-7");

        await client.ImportAsync(project.Token, Events.Array(eventObject));

        Assert.Equal("$device:d-7", Assert.Single(fixture.Emulator.GetEvents(project.Token)).DistinctId);
    }

    [Fact]
    public async Task Import_OriginalModeWithoutDistinctId_FailsEvenWithUserId()
    {
        var project = fixture.AddProject(project => project with { IdentityMode = EmulatorIdentityMode.Original });
        using var client = new IngestionClient(fixture.Emulator);
        var eventObject = Events.Valid(fixture.Now).Without("distinct_id").With("$user_id", "u-42");

        var response = await client.ImportAsync(project.Token, Events.Array(eventObject));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        var failure = Assert.Single(response.Json.GetProperty("failed_records").EnumerateArray());
        Assert.Equal("properties.distinct_id", failure.GetProperty("field").GetString());
    }

    [Fact]
    public async Task InspectionApi_DedupView_ReturnsStoredJson()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        await client.ImportAsync(
            project.Token,
            Events.Array(Events.Valid(fixture.Now, "api-1"), Events.Valid(fixture.Now, "api-1")));

        var dedup = await client.GetAsync($"/_emulator/projects/{project.Token}/events?view=dedup");
        var raw = await client.GetAsync($"/_emulator/projects/{project.Token}/events");

        Assert.Equal(HttpStatusCode.OK, dedup.Status);
        Assert.Equal(1, dedup.Json.GetArrayLength());
        Assert.Equal(2, raw.Json.GetArrayLength());
        Assert.Equal("api-1", dedup.Json[0].GetProperty("properties").GetProperty("$insert_id").GetString());
    }
}
