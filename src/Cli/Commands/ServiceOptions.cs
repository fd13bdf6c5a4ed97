using System.CommandLine;
using MixpanelSync.Cli.Api;

namespace MixpanelSync.Cli.Commands;

/// <summary>The options that name the service to call and the key, shared by the API commands.</summary>
internal sealed class ServiceOptions
{
    public const string DefaultUrl = "http://localhost:5080";

    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(120);

    public Option<string?> Url { get; } = new("--url")
    {
        Description = $"The service's address. Default: ${CliEnvironment.UrlVariable}, else {DefaultUrl}.",
        HelpName = "url",
    };

    public Option<string?> Key { get; } = new("--key")
    {
        Description = $"The operator key or a brand key. Default: ${CliEnvironment.KeyVariable}.",
        HelpName = "key",
    };

    public Option<string> Brand { get; } = new("--brand", "-b")
    {
        Description = "The brand id, such as demo-videos.",
        HelpName = "id",
        Required = true,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Brand);
        command.Options.Add(Url);
        command.Options.Add(Key);
    }

    /// <summary>Creates a client for the service that the options or the environment name.</summary>
    /// <exception cref="CliException">The address is invalid or no key was given.</exception>
    public SyncApiClient CreateClient(ParseResult parseResult, CliEnvironment environment)
    {
        var url = parseResult.GetValue(Url) ?? environment.GetVariable(CliEnvironment.UrlVariable) ?? DefaultUrl;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var address)
            || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            throw CliException.Usage(
                $"The service address '{url}' is not an absolute http or https URL. Pass --url or set "
                + $"{CliEnvironment.UrlVariable}, such as {DefaultUrl}.");
        }

        var key = parseResult.GetValue(Key) ?? environment.GetVariable(CliEnvironment.KeyVariable);
        if (string.IsNullOrWhiteSpace(key))
        {
            throw CliException.Usage(
                $"No API key was given. Pass --key or set {CliEnvironment.KeyVariable} to the operator key (the "
                + "service keeps a generated one in the file operator-key of its data folder) or a brand key.");
        }

        return new SyncApiClient(address, key.Trim(), RequestTimeout);
    }
}
