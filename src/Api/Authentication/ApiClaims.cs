using System.Security.Claims;

namespace MixpanelSync.Api.Authentication;

/// <summary>The claims of an authenticated API key and helpers that read them.</summary>
public static class ApiClaims
{
    /// <summary>The role of the operator key.</summary>
    public const string OperatorRole = "operator";

    /// <summary>The role of a brand key.</summary>
    public const string BrandRole = "brand";

    /// <summary>The brand a brand key belongs to.</summary>
    public const string BrandId = "brand_id";

    /// <summary>The id of a brand key, or <c>operator</c> for the operator key.</summary>
    public const string KeyId = "key_id";

    /// <summary>The last 4 characters of the key, the only part that logs and the audit log show.</summary>
    public const string KeySuffix = "key_suffix";

    /// <summary>Returns whether the principal authenticated with the operator key.</summary>
    public static bool IsOperator(this ClaimsPrincipal principal) => principal.IsInRole(OperatorRole);

    /// <summary>Returns the brand of a brand key, or <see langword="null"/> for the operator or no key.</summary>
    public static string? GetBrandId(this ClaimsPrincipal principal) =>
        principal.IsInRole(BrandRole) ? principal.FindFirstValue(BrandId) : null;

    /// <summary>Returns the key id that rate limits are counted by, or <see langword="null"/> without a key.</summary>
    public static string? GetKeyId(this ClaimsPrincipal principal) => principal.FindFirstValue(KeyId);

    /// <summary>
    /// Returns who acted, for the audit log: <c>operator</c>, or <c>brand-key:</c> followed by the key's last 4
    /// characters.
    /// </summary>
    public static string GetActor(this ClaimsPrincipal principal) =>
        principal.IsOperator()
            ? OperatorRole
            : $"brand-key:{principal.FindFirstValue(KeySuffix) ?? "unknown"}";

    internal static ClaimsPrincipal CreateOperator(string scheme, string keySuffix) => Create(
        scheme,
        new Claim(ClaimTypes.Role, OperatorRole),
        new Claim(KeyId, OperatorRole),
        new Claim(KeySuffix, keySuffix));

    internal static ClaimsPrincipal CreateBrand(string scheme, string brandId, string keyId, string keySuffix) =>
        Create(
            scheme,
            new Claim(ClaimTypes.Role, BrandRole),
            new Claim(BrandId, brandId),
            new Claim(KeyId, keyId),
            new Claim(KeySuffix, keySuffix));

    private static ClaimsPrincipal Create(string scheme, params Claim[] claims) =>
        new(new ClaimsIdentity(claims, scheme));
}
