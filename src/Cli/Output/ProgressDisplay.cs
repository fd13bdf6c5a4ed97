using Spectre.Console;

namespace MixpanelSync.Cli.Output;

/// <summary>
/// Shows a live progress bar on an interactive terminal. Elsewhere, such as when output goes to a file, it writes
/// a status line at most every few seconds instead.
/// </summary>
internal static class ProgressDisplay
{
    /// <summary>Runs <paramref name="work"/>, which reports its progress through the reporter it is given.</summary>
    /// <param name="console">The console to draw on.</param>
    /// <param name="title">What is going on, such as "Pushing events.ndjson".</param>
    /// <param name="work">The work; it may call <see cref="ProgressReporter.Report"/> as often as it likes.</param>
    public static async Task<T> RunAsync<T>(
        IAnsiConsole console,
        string title,
        Func<ProgressReporter, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(work);
        if (!console.Profile.Capabilities.Interactive)
        {
            return await work(new ProgressReporter(
                isLive: false,
                (_, status) => console.WriteLine($"{title}: {status}")));
        }

        return await console.Progress()
            .AutoClear(false)
            .Columns(
                new SpinnerColumn(),
                new TaskDescriptionColumn { Alignment = Justify.Left },
                new ProgressBarColumn(),
                new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(title), maxValue: 1).IsIndeterminate();
                var reporter = new ProgressReporter(isLive: true, (fraction, status) =>
                {
                    task.Description = Markup.Escape($"{title}: {status}");
                    task.IsIndeterminate = fraction is null;
                    task.Value = fraction ?? 0;
                });
                try
                {
                    return await work(reporter);
                }
                finally
                {
                    task.IsIndeterminate = false;
                    task.Value = task.MaxValue;
                    task.StopTask();
                }
            });
    }

    /// <summary>
    /// Returns the time left estimated from the share done so far, or <see langword="null"/> below 1 percent.
    /// </summary>
    public static TimeSpan? EstimateRemaining(double fraction, TimeSpan elapsed) => fraction switch
    {
        >= 1 => TimeSpan.Zero,
        > 0.01 => elapsed * ((1 - fraction) / fraction),
        _ => null,
    };

    /// <summary>Formats an estimate as <c>ETA 1:05</c> (minutes and seconds), or <c>ETA unknown</c>.</summary>
    public static string Eta(TimeSpan? remaining) =>
        remaining is { } value ? $"ETA {(int)value.TotalMinutes}:{value.Seconds:00}" : "ETA unknown";
}
