using System.Net;
using System.Text.Json;

namespace MixpanelSync.Events.Schema;

/// <summary>Reads the <c>context</c> object of a brand event.</summary>
internal static class ContextParser
{
    private static readonly string[] Fields = BrandEventContext.FieldNames;

    private static readonly string[] FieldPaths = [.. Fields.Select(name => $"context.{name}")];

    /// <summary>Returns the context, an empty one when absent, or <see langword="null"/> when invalid.</summary>
    public static BrandEventContext? Parse(JsonElement? value, EventIssues issues)
    {
        if (value is not { } element || element.ValueKind == JsonValueKind.Null)
        {
            return BrandEventContext.Empty;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            issues.Error("context", $"context must be a JSON object, but is {JsonValues.Describe(element)}.");
            return null;
        }

        var errorsBefore = issues.ErrorCount;
        // Each value sits at the position of its name in Fields, and a name sent twice keeps its last valid value.
        var values = new string?[Fields.Length];
        foreach (var property in element.EnumerateObject())
        {
            // The known paths are built once, because every event with a context reads several of them.
            var position = Array.IndexOf(Fields, property.Name);
            var field = position >= 0 ? FieldPaths[position] : $"context.{property.Name}";
            if (position < 0)
            {
                issues.Error(field,
                    $"'{property.Name}' is not a context field. The context fields are {string.Join(", ", Fields)}; " +
                    "put other data under \"properties\".");
            }
            else if (BrandEventParser.ReadText(property.Value, field, issues) is { } text)
            {
                values[position] = text;
            }
        }

        values[BrandEventContext.CountryField] = ParseCountry(values[BrandEventContext.CountryField], issues);
        values[BrandEventContext.IpField] = ParseIp(values[BrandEventContext.IpField], issues);
        var context = BrandEventContext.FromFields(values);
        return issues.ErrorCount == errorsBefore ? context : null;
    }

    private static string? ParseCountry(string? country, EventIssues issues)
    {
        if (country is null)
        {
            return null;
        }

        if (country.Length == 2 && char.IsAsciiLetter(country[0]) && char.IsAsciiLetter(country[1]))
        {
            return country.ToUpperInvariant();
        }

        issues.Error("context.country",
            $"context.country {JsonValues.Quote(country)} is not an ISO 3166-1 alpha-2 code. Send two letters, " +
            "such as DE.");
        return null;
    }

    private static string? ParseIp(string? ip, EventIssues issues)
    {
        if (ip is null)
        {
            return null;
        }

        // IPAddress.TryParse also accepts forms such as "1" (0.0.0.1), which no client sends as an address.
        var looksLikeAddress = ip.Contains('.', StringComparison.Ordinal) || ip.Contains(':', StringComparison.Ordinal);
        if (looksLikeAddress && IPAddress.TryParse(ip, out var address))
        {
            return address.ToString();
        }

        issues.Error("context.ip",
            $"context.ip {JsonValues.Quote(ip)} is not an IPv4 or IPv6 address. Send the end user's address, " +
            "or omit ip.");
        return null;
    }
}
