using MixpanelSync.Cli.Api;
using Spectre.Console;

namespace MixpanelSync.Cli.Output;

/// <summary>Writes sync runs as a table, with the rejection reasons and errors below it.</summary>
internal static class RunTables
{
    /// <summary>Describes a run in one sentence, such as "backfill succeeded in 0.27 s: read 179, ...".</summary>
    public static string Describe(RunResponse run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var duration = run.DurationMs is { } milliseconds ? $" in {Tables.Seconds(milliseconds / 1000.0)} s" : "";
        var rejected = run.RejectedByReason is { Count: > 0 } reasons
            ? " (" + string.Join(", ", reasons.Select(pair => $"{pair.Key} {Tables.Count(pair.Value)}")) + ")"
            : "";
        return $"{run.RunId}, {run.Trigger}, {run.Outcome}{duration}, started {Tables.Time(run.StartedAt)}: "
            + $"read {Tables.Count(run.EventsRead)}, skipped {Tables.Count(run.EventsSkipped)}, "
            + $"sent {Tables.Count(run.EventsSent)}, imported {Tables.Count(run.EventsImported)}, "
            + $"rejected {Tables.Count(run.EventsRejected)}{rejected}, retries {Tables.Count(run.Retries)}"
            + (run.Error is null ? "" : $". Error: {run.Error}");
    }

    public static void Write(IAnsiConsole console, IReadOnlyList<RunResponse> runs)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(runs);
        var table = Tables.Create(
            "run",
            "trigger",
            "outcome",
            "started",
            ">seconds",
            ">read",
            ">skipped",
            ">sent",
            ">imported",
            ">rejected",
            ">retries",
            ">bytes sent");
        foreach (var run in runs)
        {
            table.AddText(
                run.RunId,
                run.Trigger,
                run.Outcome,
                Tables.Time(run.StartedAt),
                run.DurationMs is { } milliseconds ? Tables.Seconds(milliseconds / 1000.0) : "-",
                Tables.Count(run.EventsRead),
                Tables.Count(run.EventsSkipped),
                Tables.Count(run.EventsSent),
                Tables.Count(run.EventsImported),
                Tables.Count(run.EventsRejected),
                Tables.Count(run.Retries),
                Tables.Bytes(run.BytesSent));
        }

        console.Write(table);
        foreach (var run in runs)
        {
            if (run.RejectedByReason is { Count: > 0 } reasons)
            {
                var text = string.Join(", ", reasons.Select(pair => $"{pair.Key} {Tables.Count(pair.Value)}"));
                console.WriteLine($"Run {run.RunId} rejected by reason: {text}");
            }

            if (run.Error is { } error)
            {
                console.WriteLine($"Run {run.RunId} error: {error}");
            }
        }
    }
}
