using System.Net.Http.Headers;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace MixpanelSync.Api.Authentication;

/// <summary>The API key a request carries, read from <c>Authorization</c> or <c>X-Api-Key</c>.</summary>
/// <param name="Key">The key, or <see langword="null"/> when the request carries none or a malformed one.</param>
/// <param name="Error">Why the header is malformed, or <see langword="null"/>.</param>
internal readonly record struct PresentedKey(string? Key, string? Error)
{
    public bool IsMissing => Key is null && Error is null;

    /// <summary>
    /// Reads the key from <c>Authorization: Bearer &lt;key&gt;</c>, from <c>Authorization: Basic</c> with the key as
    /// the password (any user name), or from <c>X-Api-Key</c>.
    /// </summary>
    public static PresentedKey Read(HttpRequest request)
    {
        if (request.Headers.TryGetValue(ApiKeyDefaults.HeaderName, out var apiKeyHeader))
        {
            var value = apiKeyHeader.ToString().Trim();
            return value.Length == 0
                ? new PresentedKey(null, $"The {ApiKeyDefaults.HeaderName} header is empty; put the API key in it.")
                : new PresentedKey(value, null);
        }

        var authorization = request.Headers[HeaderNames.Authorization].ToString();
        if (authorization.Length == 0)
        {
            return default;
        }

        if (!AuthenticationHeaderValue.TryParse(authorization, out var header) || header.Parameter is null)
        {
            return new PresentedKey(null, "The Authorization header is malformed; send 'Authorization: Bearer <key>'.");
        }

        if (header.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return new PresentedKey(header.Parameter.Trim(), null);
        }

        if (header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            return ReadBasic(header.Parameter);
        }

        return new PresentedKey(
            null,
            $"The Authorization scheme '{header.Scheme}' is not supported; send 'Authorization: Bearer <key>'.");
    }

    private static PresentedKey ReadBasic(string parameter)
    {
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(parameter));
        }
        catch (FormatException)
        {
            return new PresentedKey(null, "The Basic credentials are not valid base64; send user:key encoded.");
        }

        var separator = decoded.IndexOf(':', StringComparison.Ordinal);
        var password = separator < 0 ? string.Empty : decoded[(separator + 1)..];
        return password.Length == 0
            ? new PresentedKey(null, "The Basic credentials have no password; enter the API key as the password.")
            : new PresentedKey(password, null);
    }
}
