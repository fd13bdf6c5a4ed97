using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using MixpanelSync.Api.Hosting;

namespace MixpanelSync.Api.Authentication;

/// <summary>
/// The operator key: <c>Api:OperatorKey</c> when configured, else a random key generated on the first start and
/// kept in <see cref="ApiOptions.OperatorKeyFile"/> (permissions 0600), so that restarts keep it. Only its SHA-256
/// stays in memory.
/// </summary>
internal sealed class OperatorKey
{
    private readonly byte[] _hash;

    public OperatorKey(IOptions<ApiOptions> options, ILogger<OperatorKey> logger)
    {
        var settings = options.Value;
        string key;
        if (!string.IsNullOrEmpty(settings.OperatorKey))
        {
            key = settings.OperatorKey;
            Log.OperatorKeyConfigured(logger, ApiKeySecrets.SuffixOf(key));
        }
        else
        {
            var file = settings.OperatorKeyFile
                ?? throw new InvalidOperationException("Api:OperatorKeyFile has no default; AddSyncApi sets one.");
            key = OperatorKeyFile.ReadOrCreate(file, logger);
        }

        Suffix = ApiKeySecrets.SuffixOf(key);
        _hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
    }

    /// <summary>The key's last 4 characters.</summary>
    public string Suffix { get; }

    /// <summary>Returns whether <paramref name="presented"/> is the operator key, in constant time.</summary>
    public bool Matches(string presented)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        return CryptographicOperations.FixedTimeEquals(hash, _hash);
    }
}
