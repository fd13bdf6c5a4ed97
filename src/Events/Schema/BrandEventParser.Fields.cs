using System.Globalization;
using System.Text.Json;
using MixpanelSync.Mixpanel;

namespace MixpanelSync.Events.Schema;

public sealed partial class BrandEventParser
{
    // Each value sits at the position of its name in TopLevelFields, and a name sent twice keeps its last value.
    // An array of eight slots per event allocates less than a dictionary.
    private static JsonElement?[] ReadTopLevelFields(JsonElement element, EventIssues issues)
    {
        var fields = new JsonElement?[TopLevelFields.Length];
        foreach (var property in element.EnumerateObject())
        {
            var position = Array.IndexOf(TopLevelFields, property.Name);
            if (position >= 0)
            {
                fields[position] = property.Value;
            }
            else
            {
                issues.Error(property.Name,
                    $"'{property.Name}' is not a field of a brand event. Put custom data under \"properties\"; " +
                    $"the top-level fields are {string.Join(", ", TopLevelFields)}.");
            }
        }

        return fields;
    }

    // Built once: joining the names for every event cost more than the rest of reading its type.
    private static readonly string KnownTypes =
        string.Join(", ", EventSchema.Types.Select(definition => definition.Type));

    private const string EventIdFix = "Give every event a brand-unique id, such as its database key.";

    private static JsonElement? FieldOf(JsonElement?[] fields, string name) =>
        fields[Array.IndexOf(TopLevelFields, name)];

    private static string? ReadEventId(JsonElement? value, EventIssues issues)
    {
        if (value is null || value.Value.ValueKind == JsonValueKind.Null)
        {
            issues.Error("event_id", $"event_id is missing. {EventIdFix}");
            return null;
        }

        var eventId = ReadText(value, "event_id", issues, MaxEventIdLength);
        if (eventId is not null && string.IsNullOrWhiteSpace(eventId))
        {
            issues.Error("event_id", $"event_id is blank. {EventIdFix}");
            return null;
        }

        return eventId;
    }

    private static EventTypeDefinition? ReadType(JsonElement? value, EventIssues issues)
    {
        if (value is not { ValueKind: JsonValueKind.String } element)
        {
            var found = value is null ? "missing" : $"{JsonValues.Describe(value.Value)}, not a string";
            issues.Error("type", $"type is {found}. Send one of the schema's event types: {KnownTypes}.");
            return null;
        }

        var type = element.GetString() ?? "";
        var definition = EventSchema.Find(type);
        if (definition is null)
        {
            issues.Error("type",
                $"type {JsonValues.Quote(type)} is not an event type of the schema. Use one of: {KnownTypes}.");
        }

        return definition;
    }

    private static (string? UserId, string? DeviceId) ReadIdentity(
        JsonElement?[] fields,
        EventIssues issues)
    {
        var errorsBefore = issues.ErrorCount;
        var userId = ReadIdentifier(FieldOf(fields, "user_id"), "user_id", issues);
        var deviceId = ReadIdentifier(FieldOf(fields, "device_id"), "device_id", issues);
        if (userId is null && deviceId is null && issues.ErrorCount == errorsBefore)
        {
            issues.Error("user_id",
                "The event has neither a usable user_id nor device_id, so Mixpanel cannot attribute it. Send the " +
                "logged-in user's id, the device's anonymous id, or both.");
        }

        return (userId, deviceId);
    }

    private static string? ReadIdentifier(JsonElement? value, string field, EventIssues issues)
    {
        var text = ReadText(value, field, issues);
        if (text is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            issues.Warning(field, $"{field} is blank and was dropped. Omit {field} when there is none.");
            return null;
        }

        if (DistinctIds.IsPlaceholder(text))
        {
            issues.Warning(field,
                $"{field} {JsonValues.Quote(text)} is a placeholder that Mixpanel rejects as an id, so it was " +
                $"dropped. Omit {field} when there is none.");
            return null;
        }

        return text;
    }

    /// <summary>
    /// Reads an optional string; a whole number is accepted and converted to its digits. Returns
    /// <see langword="null"/> when the value is absent, null or invalid.
    /// </summary>
    internal static string? ReadText(
        JsonElement? value,
        string field,
        EventIssues issues,
        int maxLength = MaxTextLength)
    {
        if (value is not { } element || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var text = element.ValueKind switch
        {
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Number when element.TryGetInt64(out var number) =>
                number.ToString(CultureInfo.InvariantCulture),
            _ => null,
        };
        if (text is null)
        {
            issues.Error(field, $"{field} must be a string, but is {JsonValues.Describe(element)}. Send it as text.");
            return null;
        }

        if (text.Length > maxLength)
        {
            issues.Error(field,
                $"{field} {JsonValues.Quote(text)} is longer than the limit of {maxLength} characters. " +
                "Send a shorter value, such as a hash of this one.");
            return null;
        }

        return text;
    }
}
