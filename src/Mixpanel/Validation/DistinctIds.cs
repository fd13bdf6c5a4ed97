using System.Collections.Frozen;

namespace MixpanelSync.Mixpanel;

/// <summary>
/// Placeholder values that Mixpanel's <c>/import</c> rejects as <c>distinct_id</c> and <c>$insert_id</c>.
/// They usually come from clients that turn a missing value into a string.
/// </summary>
public static class DistinctIds
{
    // Mixpanel's documentation lists these values without saying whether case matters, so they are matched
    // ignoring case. "[object Object]" is what JavaScript produces when an object is used as a string.
    private static readonly FrozenSet<string> Placeholders = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "00000000-0000-0000-0000-000000000000",
        "anon",
        "anonymous",
        "nil",
        "none",
        "null",
        "n/a",
        "na",
        "undefined",
        "unknown",
        "<nil>",
        "0",
        "-1",
        "true",
        "false",
        "[]",
        "{}",
        "[object Object]");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PlaceholderLookup =
        Placeholders.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Returns whether the value, ignoring case and surrounding whitespace, is a placeholder.</summary>
    public static bool IsPlaceholder(string value) => IsPlaceholder(value.AsSpan());

    /// <summary>Returns whether the text, ignoring case and surrounding whitespace, is a placeholder.</summary>
    public static bool IsPlaceholder(ReadOnlySpan<char> value)
    {
        var trimmed = value.Trim();
        return trimmed.Length is > 0 and <= 36 && PlaceholderLookup.Contains(trimmed);
    }
}
