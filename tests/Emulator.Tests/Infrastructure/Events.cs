using System.Text.Json;
using System.Text.Json.Nodes;

namespace MixpanelSync.Emulator.Tests;

/// <summary>Builds event JSON for tests.</summary>
public static class Events
{
    public static JsonObject Valid(DateTimeOffset time, string? insertId = null, string name = "Signed Up") => new()
    {
        ["event"] = name,
        ["properties"] = new JsonObject
        {
            ["time"] = time.ToUnixTimeSeconds(),
            ["distinct_id"] = "user-1",
            ["$insert_id"] = insertId ?? Guid.NewGuid().ToString(),
            ["plan"] = "pro",
        },
    };

    public static JsonObject With(this JsonObject eventObject, string property, JsonNode? value)
    {
        eventObject["properties"]![property] = value;
        return eventObject;
    }

    public static JsonObject Without(this JsonObject eventObject, string property)
    {
        eventObject["properties"]!.AsObject().Remove(property);
        return eventObject;
    }

    public static string Array(params JsonObject[] events) => new JsonArray([.. events]).ToJsonString();

    public static string Ndjson(params JsonObject[] events) =>
        string.Join('\n', events.Select(static e => e.ToJsonString(JsonSerializerOptions.Default)));
}
