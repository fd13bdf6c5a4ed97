namespace MixpanelSync.Mixpanel;

/// <summary>Masks credentials for logs.</summary>
public static class Secrets
{
    /// <summary>Returns the value with all but its last four characters replaced by '*'.</summary>
    /// <example><c>Mask("0123456789abcdef")</c> returns <c>************cdef</c>.</example>
    public static string Mask(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "(none)";
        }

        return value.Length <= 4
            ? new string('*', value.Length)
            : string.Concat(new string('*', value.Length - 4), value.AsSpan(value.Length - 4));
    }
}
