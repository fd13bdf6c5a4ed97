using System.CommandLine;
using MixpanelSync.Cli.Api;
using MixpanelSync.Cli.Output;
using Spectre.Console;

namespace MixpanelSync.Cli.Commands;

/// <summary><c>connect</c>: connects a brand's Mixpanel project with a schedule.</summary>
internal static class ConnectCommand
{
    // The command-line option behind each field the API may report as invalid.
    private static readonly Dictionary<string, string> OptionsByField = new(StringComparer.Ordinal)
    {
        ["projectToken"] = "--token",
        ["residency"] = "--residency",
        ["schedule"] = "--frequency, --hour, --time-zone",
        ["schedule.frequency"] = "--frequency",
        ["schedule.hour"] = "--hour",
        ["schedule.weekday"] = "--weekday",
        ["schedule.dayOfMonth"] = "--day",
        ["schedule.timeZone"] = "--time-zone",
    };

    public static Command Create(CliEnvironment environment)
    {
        var service = new ServiceOptions();
        var token = new Option<string?>("--token")
        {
            Description = $"The Mixpanel project token. Default: ${CliEnvironment.ProjectTokenVariable}.",
            HelpName = "token",
        };
        var residency = ResidencyOptions.Create("The project's data residency: us, eu or in.");
        var frequency = new Option<string>("--frequency")
        {
            Description = "How often scheduled syncs run: daily, weekly or monthly.",
            DefaultValueFactory = _ => "daily",
        };
        frequency.AcceptOnlyFromAmong("daily", "weekly", "monthly");
        var hour = new Option<int>("--hour")
        {
            Description = "The local hour of day scheduled syncs run at, 0 to 23.",
            DefaultValueFactory = _ => 2,
        };
        var weekday = new Option<string?>("--weekday")
        {
            Description = "The weekday of weekly syncs, such as monday. Required with --frequency weekly.",
        };
        var day = new Option<int?>("--day")
        {
            Description = "The day of monthly syncs, 1 to 31 (short months use their last day). Required with "
                + "--frequency monthly.",
        };
        var timeZone = new Option<string>("--time-zone")
        {
            Description = "The IANA time zone of --hour, such as Europe/Oslo.",
            DefaultValueFactory = _ => "UTC",
        };

        var command = new Command(
            "connect",
            "Connect a brand's Mixpanel project. The service checks the token with Mixpanel before saving it.");
        service.AddTo(command);
        command.Options.Add(token);
        command.Options.Add(residency);
        command.Options.Add(frequency);
        command.Options.Add(hour);
        command.Options.Add(weekday);
        command.Options.Add(day);
        command.Options.Add(timeZone);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var projectToken = parseResult.GetValue(token)
                ?? environment.GetVariable(CliEnvironment.ProjectTokenVariable)
                ?? throw CliException.Usage(
                    $"No project token was given. Pass --token or set {CliEnvironment.ProjectTokenVariable}. The "
                    + "token is in the Mixpanel project's settings.");
            var body = new ConnectIntegrationRequest(
                projectToken,
                ResidencyOptions.ToApiName(parseResult.GetRequiredValue(residency)),
                new ScheduleRequest(
                    parseResult.GetRequiredValue(frequency),
                    parseResult.GetValue(hour),
                    parseResult.GetValue(weekday),
                    parseResult.GetValue(day),
                    parseResult.GetRequiredValue(timeZone)));
            using var client = service.CreateClient(parseResult, environment);
            var brandId = parseResult.GetRequiredValue(service.Brand);
            IntegrationResponse integration;
            try
            {
                integration = await client.ConnectAsync(brandId, body, cancellationToken);
            }
            catch (ApiProblemException exception)
            {
                throw exception.ToCliException(field => OptionsByField.GetValueOrDefault(field));
            }

            WriteConnected(environment, integration);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteConnected(CliEnvironment environment, IntegrationResponse integration)
    {
        var console = environment.Out;
        console.WriteLine(
            $"Connected brand {integration.BrandId} to the Mixpanel project {integration.MaskedToken} "
            + $"({integration.Residency}).");
        console.Write(Tables.Properties(StatusCommand.Describe(integration)));
        console.WriteLine(
            "Events from the connection time on are sent on the schedule. Older events go only with a backfill: "
            + $"backfill --brand {integration.BrandId} --from <date>.");
    }
}
