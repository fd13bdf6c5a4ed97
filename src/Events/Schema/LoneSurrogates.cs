using System.Text.Json;

namespace MixpanelSync.Events.Schema;

/// <summary>
/// Finds strings and property names that contain a lone UTF-16 surrogate. JSON can carry one as an unpaired
/// <c>\uD800</c> to <c>\uDFFF</c> escape, but it is not Unicode text, and <see cref="JsonElement.GetString"/>
/// throws <see cref="InvalidOperationException"/> on it.
/// </summary>
internal static class LoneSurrogates
{
    /// <summary>Records an error for each field of the event that contains one; returns whether any did.</summary>
    public static bool Report(JsonElement element, EventIssues issues)
    {
        var errorsBefore = issues.ErrorCount;
        Visit(element, "", issues);
        return issues.ErrorCount > errorsBefore;
    }

    private static void Visit(JsonElement element, string field, EventIssues issues)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String when !IsText(element):
                issues.Error(field, Reason(field.Length == 0 ? "The event" : field));
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (NameOf(property) is not { } name)
                    {
                        var subject = field.Length == 0 ? "A property name" : $"A property name in {field}";
                        issues.Error(field, Reason(subject));
                        continue;
                    }

                    Visit(property.Value, field.Length == 0 ? name : $"{field}.{name}", issues);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Visit(item, field, issues);
                }

                break;
        }
    }

    private static bool IsText(JsonElement element)
    {
        try
        {
            _ = element.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string? NameOf(JsonProperty property)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static string Reason(string subject) =>
        $"{subject} contains a lone UTF-16 surrogate (an unpaired \\uD800 to " +
        "\\uDFFF escape), which is not valid Unicode. Send valid UTF-8 text, or escape a character outside the " +
        "Basic Multilingual Plane as a pair, such as \\uD83D\\uDE00.";
}
