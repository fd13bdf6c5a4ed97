using System.Text.Json;

namespace MixpanelSync.Events.Schema;

/// <summary>Converts property values from JSON to the types a <see cref="BrandEvent"/> holds.</summary>
internal static class PropertyValues
{
    /// <summary>
    /// Converts a schema property's value by its kind. Records an error and returns null when the value is invalid.
    /// </summary>
    public static object? Convert(JsonElement element, PropertyDefinition property, EventIssues issues)
    {
        var field = $"properties.{property.Name}";
        return property.Kind switch
        {
            PropertyKind.Text => BrandEventParser.ReadText(element, field, issues),
            PropertyKind.NonNegativeInteger => ReadWholeNumber(element, field, minimum: 0, issues),
            PropertyKind.PositiveInteger => ReadWholeNumber(element, field, minimum: 1, issues),
            PropertyKind.Money => ReadMoney(element, field, issues),
            PropertyKind.CurrencyCode => ReadCurrency(element, field, issues),
            PropertyKind.Boolean => ReadBoolean(element, field, issues),
            PropertyKind.TextList => ReadTextList(element, field, issues),
            _ => throw new InvalidOperationException($"The schema uses an unknown property kind {property.Kind}."),
        };
    }

    /// <summary>Converts a custom property: a scalar or a flat list of scalars.</summary>
    public static object? ConvertCustom(JsonElement element, string field, EventIssues issues)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                issues.Error(field,
                    $"{field} is a JSON object, but custom properties must be strings, numbers, booleans, null or " +
                    "lists of those. Flatten it into separate properties, such as player_state and player_volume.");
                return null;
            case JsonValueKind.Array:
                return ConvertCustomList(element, field, issues);
            case JsonValueKind.Number when !element.TryGetDecimal(out _) && !double.IsFinite(element.GetDouble()):
                issues.Error(field,
                    $"{field} {element.GetRawText()} is beyond the range of a 64-bit floating-point number. " +
                    "Send a smaller number.");
                return null;
            default:
                return BrandEventJson.ToPropertyValue(element);
        }
    }

    private static List<object?>? ConvertCustomList(JsonElement element, string field, EventIssues issues)
    {
        if (element.GetArrayLength() > PropertiesParser.MaxListLength)
        {
            issues.Error(field,
                $"{field} has {element.GetArrayLength()} elements, more than the limit of " +
                $"{PropertiesParser.MaxListLength}. Send fewer elements.");
            return null;
        }

        if (element.EnumerateArray().Any(item => item.ValueKind is JsonValueKind.Object or JsonValueKind.Array))
        {
            issues.Error(field,
                $"{field} contains objects or lists, but a list property may contain only strings, numbers, " +
                "booleans and null. Flatten it.");
            return null;
        }

        return element.EnumerateArray().Select(BrandEventJson.ToPropertyValue).ToList();
    }

    private static long? ReadWholeNumber(JsonElement element, string field, long minimum, EventIssues issues)
    {
        var whole = element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out var number)
            && number == decimal.Truncate(number) && number is >= long.MinValue and <= long.MaxValue
            ? (long?)number
            : null;
        if (whole >= minimum)
        {
            return whole;
        }

        var hint = minimum > 0 ? " Omit the property when the value is unknown." : "";
        issues.Error(field,
            $"{field} must be a whole number of at least {minimum}, but is {JsonValues.Describe(element)}.{hint}");
        return null;
    }

    private static decimal? ReadMoney(JsonElement element, string field, EventIssues issues)
    {
        if (element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out var amount) && amount >= 0)
        {
            return amount;
        }

        issues.Error(field,
            $"{field} must be a JSON number of at least 0 in the currency's major unit, such as 19.99, but is " +
            $"{JsonValues.Describe(element)}.");
        return null;
    }

    private static string? ReadCurrency(JsonElement element, string field, EventIssues issues)
    {
        var code = element.ValueKind == JsonValueKind.String ? element.GetString() ?? "" : "";
        if (code.Length == 3 && code.All(char.IsAsciiLetter))
        {
            return code.ToUpperInvariant();
        }

        issues.Error(field,
            $"{field} {JsonValues.Describe(element)} is not an ISO 4217 currency code. Send three letters, " +
            "such as EUR.");
        return null;
    }

    private static bool? ReadBoolean(JsonElement element, string field, EventIssues issues)
    {
        if (element.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return element.GetBoolean();
        }

        issues.Error(field, $"{field} must be true or false, but is {JsonValues.Describe(element)}.");
        return null;
    }

    private static List<object?>? ReadTextList(JsonElement element, string field, EventIssues issues)
    {
        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() > PropertiesParser.MaxListLength)
        {
            var found = element.ValueKind == JsonValueKind.Array
                ? $"has {element.GetArrayLength()} elements"
                : $"is {JsonValues.Describe(element)}";
            issues.Error(field,
                $"{field} must be a JSON array of at most {PropertiesParser.MaxListLength} strings, but {found}. " +
                "Send fewer elements.");
            return null;
        }

        var items = new List<object?>();
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            items.Add(BrandEventParser.ReadText(item, $"{field}[{index++}]", issues));
        }

        return items;
    }
}
