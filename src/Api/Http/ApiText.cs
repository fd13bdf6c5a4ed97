using System.Text.Json;

namespace MixpanelSync.Api.Http;

/// <summary>Converts enum values to the camel-case names the API uses in JSON, such as <c>notConnected</c>.</summary>
internal static class ApiText
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>Parses a name case-insensitively; numbers are not accepted.</summary>
    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        return !string.IsNullOrWhiteSpace(text)
            && !char.IsAsciiDigit(text.Trim()[0])
            && !text.Contains(',', StringComparison.Ordinal)
            && Enum.TryParse(text.Trim(), ignoreCase: true, out value)
            && Enum.IsDefined(value);
    }

    /// <summary>Returns the camel-case names of all values, for error messages.</summary>
    public static string NamesOf<TEnum>()
        where TEnum : struct, Enum =>
        string.Join(", ", Enum.GetValues<TEnum>().Select(Of));
}
