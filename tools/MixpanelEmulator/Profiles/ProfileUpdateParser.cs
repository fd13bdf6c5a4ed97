using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace MixpanelSync.MixpanelEmulator;

/// <summary>Parses and checks one /engage or /groups update object.</summary>
internal static class ProfileUpdateParser
{
    /// <summary>
    /// Returns the parsed update, or null with <paramref name="error"/> set when the update is invalid.
    /// </summary>
    public static ParsedProfileUpdate? Parse(ReadOnlySpan<byte> json, ProfileKind kind, out string? error)
    {
        error = null;
        if (json.Length >= IngestionLimits.MaxEventBytes)
        {
            error = $"update is {json.Length} bytes; " +
                $"updates must be smaller than {IngestionLimits.MaxEventBytes} bytes";
            return null;
        }

        if (ParseObject(json) is not { } update)
        {
            error = "each update must be a JSON object with valid UTF-8 strings";
            return null;
        }

        if (ReadIdentifier(update, "$token") is not { Length: > 0 } token)
        {
            error = "'$token' is missing";
            return null;
        }

        if (ReadKey(update, kind, out error) is not { } key
            || FindOperation(update, kind, out error) is not { } operation)
        {
            return null;
        }

        // NOTE: the emulator stores no aliases, so every $delete removes exactly the profile under $distinct_id,
        // which is what Mixpanel does with $ignore_alias true. The flag is still checked, as Mixpanel takes a boolean.
        if (update.ContainsKey("$ignore_alias") && ReadFlag(update, "$ignore_alias") is null)
        {
            error = "'$ignore_alias' must be true or false";
            return null;
        }

        var ignoreTime = ReadFlag(update, "$ignore_time") ?? false;
        var parsed = new ProfileUpdate(operation, update[OperationName(operation)]?.DeepClone(), ignoreTime);
        return new ParsedProfileUpdate(token, key, parsed);
    }

    private static JsonObject? ParseObject(ReadOnlySpan<byte> json)
    {
        // JsonNode reads strings lazily and would throw on invalid UTF-8 only when a value is read.
        if (!Utf8.IsValid(json))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(json) as JsonObject;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    private static ProfileKey? ReadKey(JsonObject update, ProfileKind kind, out string? error)
    {
        error = null;
        if (kind == ProfileKind.User)
        {
            if (ReadIdentifier(update, "$distinct_id") is { } distinctId)
            {
                return new ProfileKey(string.Empty, distinctId);
            }

            error = "'$distinct_id' is missing";
            return null;
        }

        var groupKey = ReadIdentifier(update, "$group_key");
        var groupId = ReadIdentifier(update, "$group_id");
        if (string.IsNullOrEmpty(groupKey) || groupId is null)
        {
            error = "'$group_key' and '$group_id' are required";
            return null;
        }

        return new ProfileKey(groupKey, groupId);
    }

    private static ProfileOperation? FindOperation(JsonObject update, ProfileKind kind, out string? error)
    {
        error = null;
        var operations = update
            .Where(member => ProfileOperations.ByName.ContainsKey(member.Key))
            .Select(member => ProfileOperations.ByName[member.Key])
            .ToList();
        if (operations.Count != 1)
        {
            error = $"each update must contain exactly one operation; found {operations.Count}";
            return null;
        }

        var operation = operations[0];
        if (kind == ProfileKind.Group && operation is ProfileOperation.Add or ProfileOperation.Append)
        {
            error = $"{OperationName(operation)} is not supported for group profiles";
            return null;
        }

        return operation;
    }

    private static string? ReadIdentifier(JsonObject update, string name) => update[name] switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => value.ToJsonString(),
        _ => null,
    };

    private static bool? ReadFlag(JsonObject update, string name) =>
        update[name] is JsonValue flag && flag.TryGetValue<bool>(out var value) ? value : null;

    private static string OperationName(ProfileOperation operation) =>
        ProfileOperations.ByName.First(entry => entry.Value == operation).Key;
}
