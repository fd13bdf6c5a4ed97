using System.Text.Json;

namespace MixpanelSync.Events.Schema;

/// <summary>Formats JSON values for error messages.</summary>
internal static class JsonValues
{
    private const int MaxShownLength = 60;

    /// <summary>Returns the value as a reader would recognise it: quoted text, a number, or its JSON kind.</summary>
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => Quote(value.GetString() ?? ""),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        JsonValueKind.Object => "a JSON object",
        JsonValueKind.Array => "a JSON array",
        _ => "no value",
    };

    /// <summary>Returns the text in single quotes, shortened to 60 characters.</summary>
    public static string Quote(string text) =>
        text.Length <= MaxShownLength ? $"'{text}'" : $"'{text[..MaxShownLength]}...' ({text.Length} characters)";
}
