using System.Security.Cryptography;
using System.Text;

namespace MixpanelSync.Api.Authentication;

/// <summary>Generation, hashing and masking of API keys.</summary>
public static class ApiKeySecrets
{
    /// <summary>The prefix of brand keys, so that a leaked key is recognisable and lookups skip other text.</summary>
    public const string BrandKeyPrefix = "mpsb_";

    /// <summary>The prefix of generated operator keys.</summary>
    public const string OperatorKeyPrefix = "mpso_";

    /// <summary>Random bytes per key: 256 bits, so a plain SHA-256 of the key is safe to store.</summary>
    private const int KeyBytes = 32;

    /// <summary>Creates a random brand key.</summary>
    public static string NewBrandKey() => BrandKeyPrefix + RandomText(KeyBytes);

    /// <summary>Creates a random operator key.</summary>
    public static string NewOperatorKey() => OperatorKeyPrefix + RandomText(KeyBytes);

    /// <summary>Creates a short random id that names a brand key in lists and URLs.</summary>
    public static string NewKeyId() => "key_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>Returns the lower-case hex SHA-256 of a key: what is stored, and the registry's grain key.</summary>
    public static string Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    /// <summary>Returns the last 4 characters of a key, or the whole key when it is shorter.</summary>
    public static string SuffixOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Length <= 4 ? key : key[^4..];
    }

    /// <summary>Returns the key with everything but its last 4 characters replaced by <c>****</c>.</summary>
    public static string Mask(string keySuffix) => "****" + keySuffix;

    private static string RandomText(int byteCount) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(byteCount))
            .TrimEnd('=')
            .Replace('+', '-')
            .Replace('/', '_');
}
