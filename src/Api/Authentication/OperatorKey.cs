using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using MixpanelSync.Api.Hosting;

namespace MixpanelSync.Api.Authentication;

/// <summary>
/// The operator key: <c>Api:OperatorKey</c> when configured, else a random key generated on the first start and
/// kept in <see cref="ApiOptions.OperatorKeyFile"/> (permissions 0600), so that restarts keep it. Presented keys
/// are compared with it through their SHA-256, in constant time.
/// </summary>
internal sealed class OperatorKey
{
    private readonly byte[] _hash;

    public OperatorKey(IOptions<ApiOptions> options, IConfiguration configuration, ILogger<OperatorKey> logger)
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
                ?? throw new InvalidOperationException(
                    "Api:OperatorKeyFile is missing. Register the API with AddSyncApi, which sets it.");
            key = OperatorKeyFile.ReadOrCreate(file, logger);
            if (string.Equals(configuration["Sync:Mode"], "Cluster", StringComparison.OrdinalIgnoreCase))
            {
                Log.OperatorKeyPerSilo(logger, file);
            }
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
