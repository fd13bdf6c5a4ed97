using System.Diagnostics;
using MixpanelSync.Cli.Api;
using MixpanelSync.Cli.Output;
using Spectre.Console;

namespace MixpanelSync.Cli.Commands;

/// <summary>Polls a run until it ends, showing its counts, rate and retries as it goes.</summary>
internal static class RunFollower
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>Follows the run, prints it when it ends and returns the exit code of its outcome.</summary>
    public static async Task<int> FollowAsync(
        CliEnvironment environment,
        SyncApiClient client,
        string brandId,
        string runId,
        CancellationToken cancellationToken)
    {
        RunResponse run;
        try
        {
            run = await ProgressDisplay.RunAsync(
                environment.Out,
                $"Run {runId}",
                progress => PollAsync(client, brandId, runId, progress, cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            environment.Error.WriteLine(
                $"Stopped following run {runId}, which goes on in the service. Check it with: runs --brand {brandId}");
            return ExitCodes.Interrupted;
        }

        RunTables.Write(environment.Out, [run]);
        return ExitCodeOf(environment, brandId, run);
    }

    /// <summary>Returns 0 for a run that succeeded and 1 otherwise, and prints what to do about rejections.</summary>
    public static int ExitCodeOf(CliEnvironment environment, string brandId, RunResponse run)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(run);
        if (run.Succeeded)
        {
            return ExitCodes.Success;
        }

        if (run.EventsRejected > 0)
        {
            environment.Out.WriteLine($"See the rejected events with: rejected --brand {brandId}");
        }

        return ExitCodes.CompletedWithProblems;
    }

    private static async Task<RunResponse> PollAsync(
        SyncApiClient client,
        string brandId,
        string runId,
        ProgressReporter progress,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var rate = new RateMeter();
        while (true)
        {
            var run = await client.GetRunAsync(brandId, runId, cancellationToken);
            var eventsPerSecond = rate.Add(run.EventsRead, clock.Elapsed);

            // NOTE: the service reports no batches in flight, and no total to read unless EventsTotal is set.
            double? fraction = run.EventsTotal is > 0 and var total
                ? Math.Min(1, (double)run.EventsRead / total)
                : null;
            TimeSpan? remaining = run.EventsTotal is { } all && eventsPerSecond > 0
                ? TimeSpan.FromSeconds(Math.Max(0, all - run.EventsRead) / eventsPerSecond)
                : null;
            var counts = $"read {Tables.Count(run.EventsRead)}, sent {Tables.Count(run.EventsSent)}, "
                + $"imported {Tables.Count(run.EventsImported)}, rejected {Tables.Count(run.EventsRejected)}, "
                + $"retries {Tables.Count(run.Retries)}";
            progress.Report(
                run.IsRunning ? fraction : 1,
                run.IsRunning
                    ? $"{counts}, {Tables.Rate(eventsPerSecond)} events/s, {ProgressDisplay.Eta(remaining)}"
                    : $"{counts}, {run.Outcome}",
                isFinal: !run.IsRunning);
            if (!run.IsRunning)
            {
                return run;
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>An events-per-second rate smoothed over the recent polls.</summary>
    private sealed class RateMeter
    {
        private long _lastCount;
        private TimeSpan _lastTime;
        private double _rate;

        public double Add(long count, TimeSpan time)
        {
            var seconds = (time - _lastTime).TotalSeconds;
            if (seconds > 0 && count >= _lastCount)
            {
                var current = (count - _lastCount) / seconds;
                _rate = _rate == 0 ? current : (_rate + current) / 2;
            }

            _lastCount = count;
            _lastTime = time;
            return _rate;
        }
    }
}
