using System.CommandLine;
using MixpanelSync.Cli.Output;
using Spectre.Console;

namespace MixpanelSync.Cli.Commands;

/// <summary><c>runs</c>: lists a brand's recent sync runs.</summary>
internal static class RunsCommand
{
    private const int MaxLimit = 500;

    public static Command Create(CliEnvironment environment)
    {
        var service = new ServiceOptions();
        var limit = new Option<int>("--limit")
        {
            Description = $"The maximum number of runs to list, newest first, 1 to {MaxLimit}.",
            DefaultValueFactory = _ => 20,
        };
        var command = new Command("runs", "List a brand's recent sync runs with their counts, newest first.");
        service.AddTo(command);
        command.Options.Add(limit);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var count = parseResult.GetValue(limit);
            if (count is < 1 or > MaxLimit)
            {
                throw CliException.Usage($"--limit {count} is out of range. Use 1 to {MaxLimit}.");
            }

            using var client = service.CreateClient(parseResult, environment);
            var brandId = parseResult.GetRequiredValue(service.Brand);
            var runs = await client.ListRunsAsync(brandId, count, cancellationToken);
            if (runs.Count == 0)
            {
                environment.Out.WriteLine($"Brand {brandId} has no runs yet. Start one with: sync --brand {brandId}");
                return ExitCodes.Success;
            }

            RunTables.Write(environment.Out, runs);
            return ExitCodes.Success;
        });
        return command;
    }
}
