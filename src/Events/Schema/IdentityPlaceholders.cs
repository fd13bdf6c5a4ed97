using System.Collections.Frozen;

namespace MixpanelSync.Events.Schema;

/// <summary>
/// Stand-in values that Mixpanel's <c>/import</c> rejects as <c>distinct_id</c>. They usually come from
/// clients that stringify a missing value, so the parser treats them as absent ids.
/// </summary>
internal static class IdentityPlaceholders
{
    // Mixpanel documents the list without saying whether case matters, so it is matched ignoring case.
    private static readonly FrozenSet<string> Values = FrozenSet.Create(
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

    public static bool IsPlaceholder(string value) => Values.Contains(value.Trim());
}
