using Microsoft.Extensions.Options;

namespace MixpanelSync.Silo.Hosting;

/// <summary>Checks the rules between settings that data annotations cannot express.</summary>
internal sealed class SyncHostOptionsValidator : IValidateOptions<SyncHostOptions>
{
    public ValidateOptionsResult Validate(string? name, SyncHostOptions options)
    {
        var failures = new List<string>();

        if (options.Mode == HostingMode.Cluster && string.IsNullOrWhiteSpace(options.PostgresConnectionString))
        {
            failures.Add(
                "Sync:PostgresConnectionString is missing but Sync:Mode is Cluster. Set it (for example through "
                + "the environment variable Sync__PostgresConnectionString) or run with --mode embedded.");
        }

        if (!System.Net.IPAddress.TryParse(options.AdvertisedAddress, out _))
        {
            failures.Add(
                $"Sync:AdvertisedAddress '{options.AdvertisedAddress}' is not an IP address. Give the address "
                + "other silos reach this one at, such as 10.0.0.5.");
        }

        if (options.SiloPort == options.GatewayPort)
        {
            failures.Add(
                $"Sync:SiloPort and Sync:GatewayPort are both {options.SiloPort}. Give them different ports.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
