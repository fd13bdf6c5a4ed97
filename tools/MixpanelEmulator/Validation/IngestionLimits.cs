namespace MixpanelSync.MixpanelEmulator;

/// <summary>Mixpanel's documented per-event limits for /import and /track.</summary>
internal static class IngestionLimits
{
    /// <summary>An event's JSON must be smaller than 1 MB.</summary>
    public const int MaxEventBytes = 1024 * 1024;

    /// <summary>An event must have fewer than 255 properties.</summary>
    public const int MaxProperties = 255;

    /// <summary>A nested object must have fewer than 255 keys.</summary>
    public const int MaxObjectKeys = 255;

    /// <summary>A list property must have fewer than 255 elements.</summary>
    public const int MaxArrayElements = 255;

    /// <summary>Objects and lists nest at most three levels below a property.</summary>
    public const int MaxNestingDepth = 3;

    /// <summary>Longer strings and property names are truncated to 255 characters, not rejected.</summary>
    public const int MaxStringCharacters = 255;

    /// <summary>An $insert_id has at most 36 characters of A-Z, a-z, 0-9 and '-'.</summary>
    public const int MaxInsertIdLength = 36;

    /// <summary>Events before 1971-01-01 are rejected; the value is that instant in milliseconds.</summary>
    public const long MinTimeMilliseconds = 31_536_000_000;

    /// <summary>Time values at or above 1e11 are milliseconds; smaller ones are seconds.</summary>
    public const double MillisecondThreshold = 1e11;

    /// <summary>
    /// Events more than one hour ahead of the server clock are rejected; nearer future times are clamped.
    /// </summary>
    public static readonly TimeSpan MaxFutureSkew = TimeSpan.FromHours(1);

    /// <summary>/track silently drops events older than five days.</summary>
    public static readonly TimeSpan MaxTrackAge = TimeSpan.FromDays(5);
}
