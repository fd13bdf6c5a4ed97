using System.CommandLine;
using System.Globalization;
using MixpanelSync.Cli.Api;
using MixpanelSync.Cli.Output;

namespace MixpanelSync.Cli.Commands;

/// <summary><c>status</c>: shows a brand's integration.</summary>
internal static class StatusCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var service = new ServiceOptions();
        var command = new Command(
            "status",
            "Show a brand's integration: state, masked token, schedule, the run in progress and the last one.");
        service.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = service.CreateClient(parseResult, environment);
            var brandId = parseResult.GetRequiredValue(service.Brand);
            var integration = await client.GetIntegrationAsync(brandId, cancellationToken);
            environment.Out.Write(Tables.Properties(Describe(integration)));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Lists the integration's settings and state as name and value pairs.</summary>
    public static IEnumerable<(string Name, string Value)> Describe(IntegrationResponse integration)
    {
        ArgumentNullException.ThrowIfNull(integration);
        yield return ("brand", integration.BrandId);
        yield return ("state", integration.StateReason is null
            ? integration.State
            : $"{integration.State}: {integration.StateReason}");
        yield return ("project token", integration.MaskedToken ?? "-");
        yield return ("residency", integration.Residency);
        yield return ("authentication", integration.UsesServiceAccount ? "service account" : "project token");
        yield return ("schedule", Describe(integration.Schedule));
        if (integration.Mapping is { } mapping)
        {
            var excluded = mapping.ExcludedEventTypes.Count == 0
                ? "none"
                : string.Join(", ", mapping.ExcludedEventTypes);
            yield return ("mapping", $"prefix '{mapping.EventNamePrefix}', excluded types: {excluded}, "
                + $"context {(mapping.IncludeContext ? "included" : "left out")}");
        }

        yield return ("connected since", Tables.Time(integration.ConnectedSince));
        yield return ("next sync", Tables.Time(integration.NextSyncAt));
        if (integration.RetryAt is { } retryAt)
        {
            yield return ("retry at", Tables.Time(retryAt));
        }

        if (integration.CurrentRun is { } current)
        {
            yield return ("current run", RunTables.Describe(current));
        }

        yield return ("last run", integration.LastSync is { } last ? RunTables.Describe(last) : "none yet");
    }

    private static string Describe(ScheduleResponse? schedule)
    {
        if (schedule is null)
        {
            return "-";
        }

        var hour = schedule.Hour.ToString("00", CultureInfo.InvariantCulture) + ":00";
        return schedule.Frequency switch
        {
            "weekly" => $"weekly on {schedule.Weekday} at {hour} {schedule.TimeZone}",
            "monthly" => $"monthly on day {schedule.DayOfMonth} at {hour} {schedule.TimeZone}",
            _ => $"{schedule.Frequency} at {hour} {schedule.TimeZone}",
        };
    }
}
