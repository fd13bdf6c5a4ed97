namespace MixpanelSync.MixpanelEmulator;

internal static class StringTruncation
{
    /// <summary>Cuts a string to 255 UTF-16 characters without splitting a surrogate pair.</summary>
    public static string Truncate(string value)
    {
        var max = IngestionLimits.MaxStringCharacters;
        if (value.Length <= max)
        {
            return value;
        }

        var length = char.IsHighSurrogate(value[max - 1]) ? max - 1 : max;
        return value[..length];
    }
}
