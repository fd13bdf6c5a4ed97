using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MixpanelSync.Emulator.Tests;

public sealed class StrictValidationTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    public static TheoryData<string> Placeholders =>
    [
        "00000000-0000-0000-0000-000000000000", "anon", "anonymous", "nil", "none", "null", "n/a", "na",
        "undefined", "unknown", "<nil>", "0", "-1", "true", "false", "[]", "{}",
    ];

    [Fact]
    public async Task Import_AllValid_Returns200WithCount()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);

        var response = await client.ImportAsync(project.Token, Events.Array(Events.Valid(fixture.Now)));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("""{"code":200,"num_records_imported":1,"status":"OK"}""", response.Body);
    }

    [Fact]
    public async Task Import_OneInvalidEvent_StoresTheValidOnes()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var bad = Events.Valid(fixture.Now, insertId: "bad-1").With("time", 5);

        var response = await client.ImportAsync(
            project.Token,
            Events.Array(Events.Valid(fixture.Now), bad, Events.Valid(fixture.Now)));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        var expected = """
            {"code":400,"error":"some data points in the request failed validation","status":"Bad Request",
            "num_records_imported":2,"failed_records":[{"index":1,"insert_id":"bad-1","field":"properties.time",
            "message":"'properties.time' is invalid: must be after 1971-01-01 (31536000 seconds since epoch)"}]}
            """.ReplaceLineEndings(string.Empty);
        Assert.Equal(expected, response.Body);
        Assert.Equal(2, fixture.Emulator.GetEvents(project.Token).Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(42)]
    [InlineData("")]
    public async Task Import_InvalidEventName_FailsFieldEvent(object? name)
    {
        var eventObject = Events.Valid(fixture.Now);
        eventObject["event"] = name is null ? null : JsonSerializer.SerializeToNode(name);
        if (name is null)
        {
            eventObject.Remove("event");
        }

        var failure = await ImportOneFailingAsync(eventObject);

        Assert.Equal("event", failure.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Import_MissingTime_FailsFieldTime()
    {
        var failure = await ImportOneFailingAsync(Events.Valid(fixture.Now).Without("time"));

        Assert.Equal("properties.time", failure.GetProperty("field").GetString());
        Assert.Equal(
            "'properties.time' is invalid: must be specified as seconds since epoch",
            failure.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Import_StringTime_FailsFieldTime()
    {
        var eventObject = Events.Valid(fixture.Now).With("time", fixture.Now.ToUnixTimeSeconds().ToString(null, null));

        var failure = await ImportOneFailingAsync(eventObject);

        Assert.Equal("properties.time", failure.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Import_TimeBefore1971_FailsFieldTime()
    {
        var eventObject = Events.Valid(fixture.Now).With("time", 31_535_999);

        var failure = await ImportOneFailingAsync(eventObject);

        Assert.Equal("properties.time", failure.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Import_TimeAt1971_IsAccepted()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);

        var response = await client.ImportAsync(
            project.Token,
            Events.Array(Events.Valid(fixture.Now).With("time", 31_536_000)));

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task Import_TimeOverOneHourAhead_FailsFieldTime()
    {
        var eventObject = Events.Valid(fixture.Now)
            .With("time", fixture.Now.AddHours(1).AddSeconds(2).ToUnixTimeSeconds());

        var failure = await ImportOneFailingAsync(eventObject);

        Assert.Equal("properties.time", failure.GetProperty("field").GetString());
        Assert.Equal(
            "'properties.time' is invalid: must not be more than 1 hour in the future",
            failure.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Import_TimeWithinOneHourAhead_IsClampedToNow()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var future = fixture.Now.AddMinutes(30);

        var response = await client.ImportAsync(
            project.Token,
            Events.Array(Events.Valid(fixture.Now).With("time", future.ToUnixTimeMilliseconds())));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var stored = Assert.Single(fixture.Emulator.GetEvents(project.Token));
        Assert.Equal(fixture.Now.ToUnixTimeMilliseconds(), stored.TimeMilliseconds);
        Assert.Equal(fixture.Now.ToUnixTimeMilliseconds(), stored.GetProperty("time")!.Value.GetInt64());
    }

    [Fact]
    public async Task Import_TimeInMilliseconds_IsAccepted()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var time = fixture.Now.AddDays(-400).ToUnixTimeMilliseconds() + 123;

        var response = await client.ImportAsync(
            project.Token,
            Events.Array(Events.Valid(fixture.Now).With("time", time)));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var stored = Assert.Single(fixture.Emulator.GetEvents(project.Token));
        Assert.Equal(time, stored.TimeMilliseconds);
        Assert.Equal(time, stored.GetProperty("time")!.Value.GetInt64());
    }

    [Fact]
    public async Task Import_FractionalSeconds_KeepsMilliseconds()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);

        var response = await client.ImportAsync(
            project.Token,
            Events.Array(Events.Valid(fixture.Now).With("time", 1_700_000_000.25)));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(1_700_000_000_250, Assert.Single(fixture.Emulator.GetEvents(project.Token)).TimeMilliseconds);
    }

    [Fact]
    public async Task Import_MissingDistinctId_FailsFieldDistinctId()
    {
        var failure = await ImportOneFailingAsync(Events.Valid(fixture.Now).Without("distinct_id"));

        Assert.Equal("properties.distinct_id", failure.GetProperty("field").GetString());
    }

    [Theory]
    [MemberData(nameof(Placeholders))]
    public async Task Import_PlaceholderDistinctId_FailsFieldDistinctId(string placeholder)
    {
        var failure = await ImportOneFailingAsync(Events.Valid(fixture.Now).With("distinct_id", placeholder));

        Assert.Equal("properties.distinct_id", failure.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Import_EmptyDistinctId_IsAccepted()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);

        var response = await client.ImportAsync(
            project.Token,
            Events.Array(Events.Valid(fixture.Now).With("distinct_id", string.Empty)));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(string.Empty, Assert.Single(fixture.Emulator.GetEvents(project.Token)).DistinctId);
    }

    [Fact]
    public async Task Import_MissingInsertId_FailsFieldInsertId()
    {
        var failure = await ImportOneFailingAsync(Events.Valid(fixture.Now).Without("$insert_id"));

        Assert.Equal("properties.$insert_id", failure.GetProperty("field").GetString());
        Assert.Equal(string.Empty, failure.GetProperty("insert_id").GetString());
    }

    [Theory]
    [InlineData("0123456789012345678901234567890123456")]
    [InlineData("has space")]
    [InlineData("under_score")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("-1")]
    public async Task Import_InvalidInsertId_FailsFieldInsertId(string insertId)
    {
        var failure = await ImportOneFailingAsync(Events.Valid(fixture.Now, insertId));

        Assert.Equal("properties.$insert_id", failure.GetProperty("field").GetString());
        Assert.Equal(insertId, failure.GetProperty("insert_id").GetString());
    }

    [Fact]
    public async Task Import_InsertIdOf36Characters_IsAccepted()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);

        var response = await client.ImportAsync(
            project.Token,
            Events.Array(Events.Valid(fixture.Now, "ABCDEFGHIJKLMNOPQRSTUVWXYZ-abcdefgh9")));

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task Import_EventOfOneMegabyte_FailsAsRecord()
    {
        var eventObject = Events.Valid(fixture.Now);
        for (var i = 0; i < 200; i++)
        {
            eventObject.With(
                $"list{i}",
                new JsonArray([.. Enumerable.Range(0, 30).Select(_ => (JsonNode?)new string('x', 200))]));
        }

        var failure = await ImportOneFailingAsync(eventObject);

        Assert.Equal("event", failure.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Import_255Properties_FailsFieldProperties()
    {
        var eventObject = Events.Valid(fixture.Now);
        for (var i = eventObject["properties"]!.AsObject().Count; i < 255; i++)
        {
            eventObject.With($"p{i}", i);
        }

        var failure = await ImportOneFailingAsync(eventObject);

        Assert.Equal("properties", failure.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Import_254Properties_IsAccepted()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var eventObject = Events.Valid(fixture.Now);
        for (var i = eventObject["properties"]!.AsObject().Count; i < 254; i++)
        {
            eventObject.With($"p{i}", i);
        }

        var response = await client.ImportAsync(project.Token, Events.Array(eventObject));

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task Import_NestedObjectWith255Keys_FailsOnThatProperty()
    {
        var nested = new JsonObject();
        for (var i = 0; i < 255; i++)
        {
            nested[$"k{i}"] = i;
        }

        var failure = await ImportOneFailingAsync(Events.Valid(fixture.Now).With("wide", nested));

        Assert.Equal("properties.wide", failure.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Import_NestingDepthFour_FailsOnThatProperty()
    {
        var deep = new JsonObject { ["a"] = new JsonObject { ["b"] = new JsonObject { ["c"] = new JsonObject() } } };

        var failure = await ImportOneFailingAsync(Events.Valid(fixture.Now).With("deep", deep));

        Assert.Equal("properties.deep", failure.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Import_NestingDepthThree_IsAccepted()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var deep = new JsonObject { ["a"] = new JsonObject { ["b"] = new JsonArray(1, 2) } };

        var response = await client.ImportAsync(
            project.Token,
            Events.Array(Events.Valid(fixture.Now).With("deep", deep)));

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task Import_ListOf255Elements_FailsOnThatProperty()
    {
        var list = new JsonArray([.. Enumerable.Range(0, 255).Select(i => (JsonNode?)i)]);

        var failure = await ImportOneFailingAsync(Events.Valid(fixture.Now).With("long", list));

        Assert.Equal("properties.long", failure.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Import_InvalidUtf8_FailsOnlyThatEvent()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var valid = Events.Valid(fixture.Now).ToJsonString();
        var prefix = Encoding.UTF8.GetBytes(
            ("""[{"event":"e","properties":{"time":""" +
                $$"""{{fixture.Now.ToUnixTimeSeconds()}},"distinct_id":"u","$insert_id":"utf-1","utm_source":" """)
            .TrimEnd());
        byte[] body = [.. prefix, 0xC3, 0x28, .. "\"}},"u8, .. Encoding.UTF8.GetBytes(valid), (byte)']'];

        var response = await client.ImportBytesAsync(project.Token, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        var failure = Assert.Single(response.Json.GetProperty("failed_records").EnumerateArray());
        Assert.Equal(0, failure.GetProperty("index").GetInt32());
        Assert.Equal("properties.utm_source", failure.GetProperty("field").GetString());
        Assert.Equal(
            "'properties.utm_source' is invalid: string should be valid utf8",
            failure.GetProperty("message").GetString());
        Assert.Equal(1, response.Json.GetProperty("num_records_imported").GetInt32());
        Assert.Single(fixture.Emulator.GetEvents(project.Token));
    }

    [Fact]
    public async Task Import_LongStrings_AreTruncatedTo255Characters()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var longName = new string('n', 300);
        var eventObject = Events.Valid(fixture.Now)
            .With("long", new string('é', 300))
            .With(longName, "v")
            .With("nested", new JsonObject { ["inner"] = new string('z', 400) });

        var response = await client.ImportAsync(project.Token, Events.Array(eventObject));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var stored = Assert.Single(fixture.Emulator.GetEvents(project.Token));
        Assert.Equal(new string('é', 255), stored.GetProperty("long")!.Value.GetString());
        Assert.Equal("v", stored.GetProperty(longName[..255])!.Value.GetString());
        Assert.Equal(255, stored.GetProperty("nested")!.Value.GetProperty("inner").GetString()!.Length);
    }

    [Fact]
    public async Task Import_NonObjectRecord_FailsAsRecord()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);

        var response = await client.ImportAsync(project.Token, $"[42,{Events.Valid(fixture.Now).ToJsonString()}]");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        var failure = Assert.Single(response.Json.GetProperty("failed_records").EnumerateArray());
        Assert.Equal(0, failure.GetProperty("index").GetInt32());
        Assert.Equal(1, response.Json.GetProperty("num_records_imported").GetInt32());
    }

    [Fact]
    public async Task Import_FailedRecord_HasExactlyFourFields()
    {
        var failure = await ImportOneFailingAsync(Events.Valid(fixture.Now).Without("distinct_id"));

        var names = failure.EnumerateObject().Select(property => property.Name).ToArray();
        Assert.Equal(["index", "insert_id", "field", "message"], names);
    }

    /// <summary>Imports one invalid event and returns its failed_records entry, after checking the 400 shape.</summary>
    private async Task<JsonElement> ImportOneFailingAsync(JsonObject eventObject)
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);

        var response = await client.ImportAsync(project.Token, Events.Array(eventObject));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(400, response.Json.GetProperty("code").GetInt32());
        Assert.Equal(
            "some data points in the request failed validation",
            response.Json.GetProperty("error").GetString());
        Assert.Equal("Bad Request", response.Json.GetProperty("status").GetString());
        Assert.Equal(0, response.Json.GetProperty("num_records_imported").GetInt32());
        Assert.Empty(fixture.Emulator.GetEvents(project.Token));
        var failure = Assert.Single(response.Json.GetProperty("failed_records").EnumerateArray());
        Assert.Equal(0, failure.GetProperty("index").GetInt32());
        return failure.Clone();
    }
}
