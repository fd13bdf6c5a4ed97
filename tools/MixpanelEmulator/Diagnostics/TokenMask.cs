namespace MixpanelSync.MixpanelEmulator;

/// <summary>Masks tokens and secrets for logs and messages.</summary>
internal static class TokenMask
{
    /// <summary>
    /// Replaces all but the last four characters with '*'; values of four characters or fewer are all masked.
    /// </summary>
    public static string Mask(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "(empty)";
        }

        if (value.Length <= 4)
        {
            return new string('*', value.Length);
        }

        return string.Concat(new string('*', value.Length - 4), value.AsSpan(value.Length - 4));
    }
}
