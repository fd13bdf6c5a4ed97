using System.CommandLine;
using System.Net;
using MixpanelSync.Cli.Api;
using Spectre.Console;

namespace MixpanelSync.Cli.Commands;

/// <summary><c>sync</c>: starts a run now and, with <c>--follow</c>, shows it until it ends.</summary>
internal static class SyncCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var service = new ServiceOptions();
        var follow = new Option<bool>("--follow", "-f")
        {
            Description = "Show the run's progress until it ends. The exit code then tells how it ended.",
        };
        var command = new Command("sync", "Start a sync run of a brand now.");
        service.AddTo(command);
        command.Options.Add(follow);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = service.CreateClient(parseResult, environment);
            var brandId = parseResult.GetRequiredValue(service.Brand);
            var following = parseResult.GetValue(follow);
            string runId;
            try
            {
                var started = await client.SyncNowAsync(brandId, cancellationToken);
                runId = started.RunId;
                environment.Out.WriteLine(started.Message);
            }
            catch (ApiProblemException exception) when (
                following && exception.Status == HttpStatusCode.Conflict && RunIdOf(exception) is { } running)
            {
                runId = running;
                environment.Out.WriteLine($"Run {runId} was already in progress, so this follows it.");
            }

            return following
                ? await RunFollower.FollowAsync(environment, client, brandId, runId, cancellationToken)
                : ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Returns the run in progress that a 409 names.</summary>
    public static string? RunIdOf(ApiProblemException exception) =>
        exception.Problem?.Extensions?.TryGetValue("runId", out var runId) == true
            && runId.ValueKind == System.Text.Json.JsonValueKind.String
            ? runId.GetString()
            : null;
}
