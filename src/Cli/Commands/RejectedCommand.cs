using System.CommandLine;
using MixpanelSync.Cli.Output;
using Spectre.Console;

namespace MixpanelSync.Cli.Commands;

/// <summary><c>rejected</c>: lists the events that validation or Mixpanel rejected during a brand's runs.</summary>
internal static class RejectedCommand
{
    private const int MaxLimit = 1000;

    public static Command Create(CliEnvironment environment)
    {
        var service = new ServiceOptions();
        var limit = new Option<int>("--limit")
        {
            Description = $"The maximum number of events to list, oldest first, 1 to {MaxLimit}.",
            DefaultValueFactory = _ => 100,
        };
        var after = new Option<long>("--after")
        {
            Description = "List events after this rejected-event id. The previous page prints the value to use.",
        };
        var includeReplayed = new Option<bool>("--include-replayed")
        {
            Description = "Also list rejected events that were already replayed.",
        };
        var command = new Command("rejected", "List a brand's rejected events with the reason, field and message.");
        service.AddTo(command);
        command.Options.Add(limit);
        command.Options.Add(after);
        command.Options.Add(includeReplayed);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var count = parseResult.GetValue(limit);
            var afterId = parseResult.GetValue(after);
            if (count is < 1 or > MaxLimit)
            {
                throw CliException.Usage($"--limit {count} is out of range. Use 1 to {MaxLimit}.");
            }

            if (afterId < 0)
            {
                throw CliException.Usage(
                    $"--after {afterId} is negative. Use 0 or the value the previous page printed.");
            }

            using var client = service.CreateClient(parseResult, environment);
            var brandId = parseResult.GetRequiredValue(service.Brand);
            var page = await client.ListRejectedEventsAsync(
                brandId,
                parseResult.GetValue(includeReplayed),
                afterId,
                count,
                cancellationToken);
            Write(environment, brandId, page);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Write(CliEnvironment environment, string brandId, Api.RejectedEventPage page)
    {
        var console = environment.Out;
        if (page.Events.Count == 0)
        {
            console.WriteLine($"Brand {brandId} has no rejected events to list.");
            return;
        }

        var table = Tables.Create(
            ">id",
            "event id",
            "type",
            "occurred at",
            "reason",
            "field",
            "run",
            "replayed",
            "message");
        foreach (var rejected in page.Events)
        {
            table.AddText(
                rejected.DeadLetterId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                rejected.EventId,
                rejected.EventType,
                Tables.Time(rejected.OccurredAt),
                rejected.Reason,
                rejected.Field ?? "-",
                rejected.RunId ?? "-",
                rejected.ReplayedAt is null ? "no" : Tables.Time(rejected.ReplayedAt),
                rejected.Message ?? "-");
        }

        console.Write(table);
        if (page.NextAfter is { } next)
        {
            console.WriteLine($"More events follow: rejected --brand {brandId} --after {next}");
        }
    }
}
