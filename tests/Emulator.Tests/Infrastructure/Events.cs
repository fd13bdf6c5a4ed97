using System.Text;
using System.Text.Json.Nodes;

namespace MixpanelSync.Emulator.Tests;

/// <summary>Builds event JSON for tests.</summary>
public static class Events
{
    /// <summary>
    /// Returns a valid event at <paramref name="time"/> (whole seconds) with a fresh UUID $insert_id.
    /// </summary>
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

    public static string Array(params JsonObject[] events) =>
        new JsonArray([.. events.Select(static eventObject => eventObject.DeepClone())]).ToJsonString();

    public static string Ndjson(params JsonObject[] events) =>
        string.Join('\n', events.Select(static eventObject => eventObject.ToJsonString()));

    public static string Base64(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
}
