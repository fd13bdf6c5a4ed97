using System.Diagnostics;

namespace MixpanelSync.Cli.Output;

/// <summary>Passes progress to a display. A plain-text display gets at most one report every 5 seconds.</summary>
/// <param name="isLive">Whether the display redraws a live bar, which can take every report.</param>
/// <param name="show">Shows the share done (0 to 1, or <see langword="null"/> when unknown) and a status text.</param>
internal sealed class ProgressReporter(bool isLive, Action<double?, string> show)
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);

    private readonly Stopwatch _sinceShown = new();

    /// <summary>Shows progress. A final report is shown even right after another.</summary>
    public void Report(double? fraction, string status, bool isFinal = false)
    {
        if (!isLive && !isFinal && _sinceShown.IsRunning && _sinceShown.Elapsed < PlainInterval)
        {
            return;
        }

        _sinceShown.Restart();
        show(fraction, status);
    }
}
