namespace MixpanelSync.Events.Mapping;

/// <summary>
/// Property names that Mixpanel gives a meaning to, which brand data must never set, and the rename that keeps
/// such a brand property without that meaning.
/// </summary>
public static class ReservedNames
{
    /// <summary>The prefix a reserved custom property name gets, after any leading <c>$</c> is removed.</summary>
    public const string RenamePrefix = "brand_";

    // time, distinct_id, $insert_id and token decide what an event is and where it goes; ip drives geolocation;
    // bucket hides events. Every $ and mp_ name is Mixpanel's own.
    private static readonly HashSet<string> Words =
        new(["time", "distinct_id", "token", "ip", "bucket"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Returns whether Mixpanel reserves the property name.</summary>
    public static bool IsReserved(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Words.Contains(name)
            || name.StartsWith('$')
            || name.StartsWith("mp_", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Returns the name a custom property is sent under: <c>brand_</c> and the name without its leading
    /// <c>$</c> signs, such as <c>brand_time</c> for <c>time</c> and <c>brand_os</c> for <c>$os</c>.
    /// </summary>
    public static string Rename(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return RenamePrefix + name.TrimStart('$');
    }
}
