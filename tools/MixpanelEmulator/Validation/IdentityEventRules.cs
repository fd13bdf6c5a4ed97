using System.Text.Json;

namespace MixpanelSync.MixpanelEmulator;

/// <summary>
/// Rules of Original ID Merge's identity events. In Simplified ID Merge projects these events have no identity
/// effect and are stored as ordinary events.
/// </summary>
internal static class IdentityEventRules
{
    public static ValidationFailure? Check(ReadOnlySpan<byte> json, string name, in RuleContext context)
    {
        if (context.IdentityMode != EmulatorIdentityMode.Original || !name.StartsWith('$'))
        {
            return null;
        }

        return name switch
        {
            "$merge" => CheckMerge(json, context),
            "$identify" => CheckIdentify(json),
            "$create_alias" => CheckCreateAlias(json),
            _ => null,
        };
    }

    private static ValidationFailure? CheckMerge(ReadOnlySpan<byte> json, in RuleContext context)
    {
        if (context.Endpoint != IngestionEndpoint.Import || !context.PrivilegedCredentials)
        {
            return ValidationFailure.Invalid(
                "event",
                "$merge is accepted only on /import with service-account or project-secret credentials");
        }

        using var document = JsonDocument.Parse(json.ToArray());
        var properties = document.RootElement.GetProperty("properties");
        var isPair = properties.TryGetProperty("$distinct_ids", out var ids)
            && ids.ValueKind == JsonValueKind.Array
            && ids.GetArrayLength() == 2
            && ids.EnumerateArray().All(static id => id.ValueKind == JsonValueKind.String);
        return isPair
            ? null
            : ValidationFailure.Invalid("properties.$distinct_ids", "must be a list of exactly 2 strings");
    }

    private static ValidationFailure? CheckIdentify(ReadOnlySpan<byte> json)
    {
        using var document = JsonDocument.Parse(json.ToArray());
        var properties = document.RootElement.GetProperty("properties");
        if (!HasString(properties, "$identified_id"))
        {
            return ValidationFailure.Invalid("properties.$identified_id", "must be specified");
        }

        var anonId = properties.TryGetProperty("$anon_id", out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
        return IsUuidVersion4(anonId)
            ? null
            : ValidationFailure.Invalid("properties.$anon_id", "must be a version 4 UUID");
    }

    private static ValidationFailure? CheckCreateAlias(ReadOnlySpan<byte> json)
    {
        using var document = JsonDocument.Parse(json.ToArray());
        var properties = document.RootElement.GetProperty("properties");
        return HasString(properties, "alias")
            ? null
            : ValidationFailure.Invalid("properties.alias", "must be specified");
    }

    private static bool HasString(JsonElement properties, string name) =>
        properties.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
        && value.GetString()!.Length > 0;

    private static bool IsUuidVersion4(string? value) =>
        Guid.TryParseExact(value, "D", out var guid) && guid.Version == 4;
}
