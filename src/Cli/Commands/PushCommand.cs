using System.CommandLine;
using MixpanelSync.Cli.Push;
using MixpanelSync.Mixpanel;

namespace MixpanelSync.Cli.Commands;

/// <summary>
/// <c>push</c>: sends a file of Mixpanel-shaped events straight to a Mixpanel project through the delivery library,
/// with the validation, batching, gzip and retries of a sync, and no service in between.
/// </summary>
internal static class PushCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var file = new Argument<string>("file")
        {
            Description = "Mixpanel-shaped events ({\"event\": ..., \"properties\": {...}}): a JSON array or NDJSON.",
        };
        var token = new Option<string?>("--token")
        {
            Description = $"The Mixpanel project token. Default: ${CliEnvironment.ProjectTokenVariable}.",
            HelpName = "token",
        };
        var residency = ResidencyOptions.Create("The project's data residency, which picks Mixpanel's host.");
        var baseUrl = new Option<string?>("--base-url")
        {
            Description = "For operators and tests only: send to this address instead of Mixpanel's host, such "
                + "as a local emulator. Plain http is accepted for loopback addresses only.",
            HelpName = "url",
        };
        var concurrency = new Option<int>("--concurrency")
        {
            Description = "The maximum number of requests in flight, "
                + $"{PushRunner.MinConcurrency} to {PushRunner.MaxConcurrency}. Mixpanel suggests 10 to 20.",
            DefaultValueFactory = _ => 16,
        };
        var verbose = new Option<bool>("--verbose")
        {
            Description = "Write the delivery library's warnings, such as retries, to standard error.",
        };

        var command = new Command(
            "push",
            "Send a file of Mixpanel-shaped events to a Mixpanel project with the batching and retries of a sync.");
        command.Arguments.Add(file);
        command.Options.Add(token);
        command.Options.Add(residency);
        command.Options.Add(baseUrl);
        command.Options.Add(concurrency);
        command.Options.Add(verbose);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var settings = new PushSettings(
                parseResult.GetRequiredValue(file),
                parseResult.GetValue(token) ?? environment.GetVariable(CliEnvironment.ProjectTokenVariable),
                ToResidency(parseResult.GetRequiredValue(residency)),
                parseResult.GetValue(baseUrl),
                parseResult.GetValue(concurrency),
                parseResult.GetValue(verbose));
            return PushRunner.RunAsync(environment, settings, cancellationToken);
        });
        return command;
    }

    private static MixpanelResidency ToResidency(string residency) => residency.ToLowerInvariant() switch
    {
        "eu" => MixpanelResidency.Eu,
        "in" or "india" => MixpanelResidency.In,
        _ => MixpanelResidency.Us,
    };
}
