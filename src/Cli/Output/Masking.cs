namespace MixpanelSync.Cli.Output;

/// <summary>Hides secrets in output: only the last 4 characters of a token or key are ever shown.</summary>
internal static class Masking
{
    /// <summary>
    /// Returns <c>****</c> and the last 4 characters. Secrets of 8 characters or fewer become <c>****</c> alone.
    /// </summary>
    public static string Mask(string? secret) =>
        secret is { Length: > 8 } ? "****" + secret[^4..] : "****";
}
