using Microsoft.AspNetCore.DataProtection;

namespace MixpanelSync.Grains.Hosting;

/// <summary>
/// Encrypts tokens and secrets with ASP.NET Core Data Protection. Every silo must share the key ring, or a
/// grain that moves to another silo cannot decrypt its token.
/// </summary>
public sealed class SecretProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("MixpanelSync.Credentials.v1");

    /// <summary>Encrypts a secret.</summary>
    public string Protect(string secret) => _protector.Protect(secret);

    /// <summary>Decrypts a secret made by <see cref="Protect"/>.</summary>
    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);

    /// <summary>
    /// Masks all but the last 4 characters of a secret; secrets of 8 characters or fewer are masked whole.
    /// </summary>
    public static string Mask(string secret) =>
        secret.Length <= 8
            ? new string('*', secret.Length)
            : string.Concat(new string('*', secret.Length - 4), secret[^4..]);
}
