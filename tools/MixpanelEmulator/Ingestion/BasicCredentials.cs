using System.Buffers.Text;
using System.Text;

namespace MixpanelSync.MixpanelEmulator;

/// <summary>User name and password of an HTTP Basic Authorization header.</summary>
internal readonly record struct BasicCredentials(string User, string Password)
{
    /// <summary>
    /// Parses <c>Basic base64(user:password)</c>, and also the un-encoded <c>Basic user:password</c> that Mixpanel
    /// accepts for service accounts.
    /// </summary>
    public static BasicCredentials? Parse(string? header)
    {
        const string Scheme = "Basic ";
        if (header is null || !header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var credential = header.AsSpan(Scheme.Length).Trim();
        if (TryDecodeBase64(credential, out var decoded) && decoded.Contains(':', StringComparison.Ordinal))
        {
            return Split(decoded);
        }

        return credential.Contains(':') ? Split(credential.ToString()) : null;
    }

    private static BasicCredentials Split(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return new BasicCredentials(value[..colon], value[(colon + 1)..]);
    }

    private static bool TryDecodeBase64(ReadOnlySpan<char> value, out string decoded)
    {
        decoded = string.Empty;
        if (!Base64.IsValid(value, out var length))
        {
            return false;
        }

        var bytes = new byte[length];
        if (!Convert.TryFromBase64Chars(value, bytes, out var written))
        {
            return false;
        }

        try
        {
            decoded = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 0, written);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
