using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MixpanelSync.MixpanelEmulator;

/// <summary>Semantics of the profile operations, applied to a profile's property object.</summary>
internal static class ProfileOperations
{
    public static readonly IReadOnlyDictionary<string, ProfileOperation> ByName =
        new Dictionary<string, ProfileOperation>(StringComparer.Ordinal)
        {
            ["$set"] = ProfileOperation.Set,
            ["$set_once"] = ProfileOperation.SetOnce,
            ["$add"] = ProfileOperation.Add,
            ["$union"] = ProfileOperation.Union,
            ["$append"] = ProfileOperation.Append,
            ["$remove"] = ProfileOperation.Remove,
            ["$unset"] = ProfileOperation.Unset,
            ["$delete"] = ProfileOperation.Delete,
        };

    /// <summary>
    /// Whether the operation creates a missing profile; $remove and $unset on a missing one do nothing.
    /// </summary>
    public static bool CreatesProfile(ProfileOperation operation) =>
        operation is not (ProfileOperation.Remove or ProfileOperation.Unset or ProfileOperation.Delete);

    /// <summary>Applies the update to <paramref name="profile"/>; returns null or why the value is invalid.</summary>
    public static string? Apply(JsonObject profile, ProfileUpdate update) => update.Operation switch
    {
        ProfileOperation.Set => ForEachProperty(profile, update.Value, Set),
        ProfileOperation.SetOnce => ForEachProperty(profile, update.Value, SetOnce),
        ProfileOperation.Add => ForEachProperty(profile, update.Value, Add),
        ProfileOperation.Union => ForEachProperty(profile, update.Value, Union),
        ProfileOperation.Append => ForEachProperty(profile, update.Value, Append),
        ProfileOperation.Remove => ForEachProperty(profile, update.Value, Remove),
        ProfileOperation.Unset => Unset(profile, update.Value),
        _ => null,
    };

    private static string? ForEachProperty(
        JsonObject profile,
        JsonNode? value,
        Func<JsonObject, string, JsonNode?, string?> apply)
    {
        if (value is not JsonObject properties)
        {
            return "operation value must be a JSON object of property names and values";
        }

        foreach (var (name, propertyValue) in properties)
        {
            var error = apply(profile, StringTruncation.Truncate(name), propertyValue);
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }

    private static string? Set(JsonObject profile, string name, JsonNode? value)
    {
        profile[name] = value?.DeepClone();
        return null;
    }

    private static string? SetOnce(JsonObject profile, string name, JsonNode? value)
    {
        if (!profile.ContainsKey(name))
        {
            profile[name] = value?.DeepClone();
        }

        return null;
    }

    private static string? Add(JsonObject profile, string name, JsonNode? value)
    {
        if (ReadNumber(value) is not { } amount)
        {
            return $"$add value of '{name}' must be a number";
        }

        var existing = profile[name];
        if (existing is not null && ReadNumber(existing) is null)
        {
            return $"$add cannot increment '{name}' because it is not a number";
        }

        profile[name] = ToNumberNode((ReadNumber(existing) ?? 0) + amount);
        return null;
    }

    private static double? ReadNumber(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            ? double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture)
            : null;

    private static string? Union(JsonObject profile, string name, JsonNode? value)
    {
        if (value is not JsonArray additions)
        {
            return $"$union value of '{name}' must be a list";
        }

        if (ListOf(profile, name) is not { } list)
        {
            return $"$union cannot extend '{name}' because it is not a list";
        }

        foreach (var item in additions)
        {
            if (!list.Any(existing => JsonNode.DeepEquals(existing, item)))
            {
                list.Add(item?.DeepClone());
            }
        }

        return null;
    }

    private static string? Append(JsonObject profile, string name, JsonNode? value)
    {
        if (ListOf(profile, name) is not { } list)
        {
            return $"$append cannot extend '{name}' because it is not a list";
        }

        list.Add(value?.DeepClone());
        return null;
    }

    private static string? Remove(JsonObject profile, string name, JsonNode? value)
    {
        if (profile[name] is not JsonArray list)
        {
            return null;
        }

        for (var i = list.Count - 1; i >= 0; i--)
        {
            if (JsonNode.DeepEquals(list[i], value))
            {
                list.RemoveAt(i);
            }
        }

        return null;
    }

    private static string? Unset(JsonObject profile, JsonNode? value)
    {
        if (value is not JsonArray names || names.Count == 0)
        {
            return "$unset value must be a non-empty list of property names";
        }

        foreach (var name in names)
        {
            if (name is JsonValue text && text.TryGetValue<string>(out var propertyName))
            {
                profile.Remove(propertyName);
            }
        }

        return null;
    }

    /// <summary>
    /// Returns the list stored under the name, creating an empty one, or null if a non-list is there.
    /// </summary>
    private static JsonArray? ListOf(JsonObject profile, string name)
    {
        if (!profile.TryGetPropertyValue(name, out var existing) || existing is null)
        {
            var created = new JsonArray();
            profile[name] = created;
            return created;
        }

        return existing as JsonArray;
    }

    private static JsonNode ToNumberNode(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < 9e15
            ? JsonValue.Create((long)value)
            : JsonSerializer.SerializeToNode(value)!;
}
