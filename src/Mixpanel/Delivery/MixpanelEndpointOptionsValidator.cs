using Microsoft.Extensions.Options;

namespace MixpanelSync.Mixpanel;

/// <summary>
/// Checks <see cref="MixpanelEndpointOptions"/> at start-up. Plain HTTP is allowed only for loopback hosts,
/// because Mixpanel rejects credentials sent over HTTP and a remote HTTP host would expose them.
/// </summary>
internal sealed class MixpanelEndpointOptionsValidator : IValidateOptions<MixpanelEndpointOptions>
{
    public ValidateOptionsResult Validate(string? name, MixpanelEndpointOptions options)
    {
        var failures = new List<string>();
        Check(nameof(options.UsBaseAddress), options.UsBaseAddress, failures);
        Check(nameof(options.EuBaseAddress), options.EuBaseAddress, failures);
        Check(nameof(options.InBaseAddress), options.InBaseAddress, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(string name, Uri? address, List<string> failures)
    {
        if (address is null || !address.IsAbsoluteUri)
        {
            failures.Add($"{name} is '{address}'; it must be an absolute https URI.");
            return;
        }

        var secure = address.Scheme == Uri.UriSchemeHttps;
        var localHttp = address.Scheme == Uri.UriSchemeHttp && address.IsLoopback;
        if (!secure && !localHttp)
        {
            failures.Add($"{name} is '{address}'; it must use https (http is allowed only for loopback hosts).");
        }
    }
}
