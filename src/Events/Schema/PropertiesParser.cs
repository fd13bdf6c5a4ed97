using System.Text.Json;

namespace MixpanelSync.Events.Schema;

/// <summary>
/// Reads the <c>properties</c> object of a brand event: the type's schema properties, checked by kind, and custom
/// properties, which pass through unchecked except for their shape.
/// </summary>
internal static class PropertiesParser
{
    /// <summary>The maximum number of custom properties; Mixpanel accepts fewer than 255 properties an event.</summary>
    public const int MaxCustomProperties = 200;

    /// <summary>The maximum number of elements of a list value; Mixpanel accepts fewer than 255.</summary>
    public const int MaxListLength = 254;

    /// <summary>
    /// Returns the properties in schema order, then the custom ones, or <see langword="null"/> when invalid.
    /// </summary>
    public static Dictionary<string, object?>? Parse(
        JsonElement? value,
        EventTypeDefinition definition,
        EventIssues issues)
    {
        var errorsBefore = issues.ErrorCount;
        var sentProperties = ReadObject(value, issues);
        if (sentProperties is null)
        {
            return null;
        }

        var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in definition.Properties)
        {
            if (sentProperties.TryGetValue(property.Name, out var element)
                && element.ValueKind != JsonValueKind.Null)
            {
                properties[property.Name] = PropertyValues.Convert(element, property, issues);
            }
        }

        CheckPresence(definition, properties, issues);
        ReadCustomProperties(sentProperties, definition, properties, issues);
        return issues.ErrorCount == errorsBefore ? properties : null;
    }

    private static Dictionary<string, JsonElement>? ReadObject(JsonElement? value, EventIssues issues)
    {
        var sentProperties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (value is not { } element || element.ValueKind == JsonValueKind.Null)
        {
            return sentProperties;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            issues.Error("properties", $"properties must be a JSON object, but is {JsonValues.Describe(element)}.");
            return null;
        }

        foreach (var property in element.EnumerateObject())
        {
            sentProperties[property.Name] = property.Value;
        }

        return sentProperties;
    }

    private static void CheckPresence(
        EventTypeDefinition definition,
        Dictionary<string, object?> properties,
        EventIssues issues)
    {
        foreach (var property in definition.Properties)
        {
            var requiredNow = property.Required
                || (property.RequiredWith is { } other && properties.ContainsKey(other));
            if (requiredNow && !properties.ContainsKey(property.Name))
            {
                var requiredBy = property.Required
                    ? $"a {definition.Type} event"
                    : $"an event with {property.RequiredWith}";
                issues.Error($"properties.{property.Name}",
                    $"properties.{property.Name} is missing, but {requiredBy} requires it: {property.Description}");
            }
        }

        if (definition.AtLeastOneOf is { } choice && !choice.Any(properties.ContainsKey))
        {
            issues.Error($"properties.{choice[0]}",
                $"A {definition.Type} event needs at least one of " +
                $"{string.Join(", ", choice.Select(name => $"properties.{name}"))}.");
        }
    }

    private static void ReadCustomProperties(
        Dictionary<string, JsonElement> sentProperties,
        EventTypeDefinition definition,
        Dictionary<string, object?> properties,
        EventIssues issues)
    {
        var custom = sentProperties.Where(pair => definition.FindProperty(pair.Key) is null).ToList();
        if (custom.Count > MaxCustomProperties)
        {
            issues.Error("properties",
                $"properties has {custom.Count} custom properties, more than the limit of {MaxCustomProperties}. " +
                "Send only the properties you analyse in Mixpanel.");
            return;
        }

        foreach (var (name, element) in custom)
        {
            if (name.Length is 0 or > BrandEventParser.MaxTextLength)
            {
                issues.Error("properties",
                    $"The custom property name {JsonValues.Quote(name)} must have 1 to " +
                    $"{BrandEventParser.MaxTextLength} characters. Rename it.");
                continue;
            }

            properties[name] = PropertyValues.ConvertCustom(element, $"properties.{name}", issues);
        }
    }
}
