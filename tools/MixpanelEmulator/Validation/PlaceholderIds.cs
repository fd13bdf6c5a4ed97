namespace MixpanelSync.MixpanelEmulator;

/// <summary>
/// Values that Mixpanel rejects as distinct_id or $insert_id because they are placeholders rather than identities.
/// </summary>
internal static class PlaceholderIds
{
    // NOTE: Mixpanel does not document whether the comparison ignores case. The emulator ignores case because that
    // is the stricter reading, so a client that passes here also passes there.
    private static readonly HashSet<string> Values = new(StringComparer.OrdinalIgnoreCase)
    {
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
    };

    public static bool Contains(string value) => Values.Contains(value);
}
