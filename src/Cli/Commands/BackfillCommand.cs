using System.CommandLine;
using MixpanelSync.Cli.Output;
using Spectre.Console;

namespace MixpanelSync.Cli.Commands;

/// <summary>
/// <c>backfill</c>: previews and starts a run that sends stored events from a date up to the connection time,
/// which regular runs skip.
/// </summary>
internal static class BackfillCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var service = new ServiceOptions();
        var from = new Option<string>("--from")
        {
            Description = "The earliest event time to send, ISO 8601 such as 2024-01-01 (midnight UTC).",
            HelpName = "date",
            Required = true,
        };
        var previewOnly = new Option<bool>("--preview")
        {
            Description = "Only count the events the backfill would send.",
        };
        var follow = new Option<bool>("--follow", "-f")
        {
            Description = "Show the run's progress until it ends. The exit code then tells how it ended.",
        };
        var command = new Command(
            "backfill",
            "Send a brand's stored events from before its connection time, after a preview of their count.");
        service.AddTo(command);
        command.Options.Add(from);
        command.Options.Add(previewOnly);
        command.Options.Add(follow);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = service.CreateClient(parseResult, environment);
            var brandId = parseResult.GetRequiredValue(service.Brand);
            var start = parseResult.GetRequiredValue(from);
            var preview = await client.PreviewBackfillAsync(brandId, start, cancellationToken);
            environment.Out.WriteLine(
                $"A backfill from {Tables.Time(preview.From)} to the connection time {Tables.Time(preview.Until)} "
                + $"sends {Tables.Count(preview.EventCount)} stored events.");
            if (parseResult.GetValue(previewOnly))
            {
                return ExitCodes.Success;
            }

            var started = await client.StartBackfillAsync(brandId, start, cancellationToken);
            environment.Out.WriteLine(started.Message);
            return parseResult.GetValue(follow)
                ? await RunFollower.FollowAsync(environment, client, brandId, started.RunId, cancellationToken)
                : ExitCodes.Success;
        });
        return command;
    }
}
