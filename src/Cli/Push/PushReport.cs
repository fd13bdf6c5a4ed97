using MixpanelSync.Cli.Output;
using MixpanelSync.Mixpanel;
using Spectre.Console;

namespace MixpanelSync.Cli.Push;

/// <summary>The outcome of one push, as printed at its end.</summary>
internal sealed record PushReport(
    PushSettings Settings,
    MixpanelTarget Target,
    Uri Address,
    DeliverySummary Summary,
    PushTotals Totals,
    DeliveryMeter Meter,
    TimeSpan Elapsed)
{
    public void Write(IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.WriteLine(
            $"Pushed {Settings.Path} to {Target.DescribeCredentials()} at {Address} with up to {Settings.Concurrency} "
            + "requests in flight.");
        var seconds = Math.Max(Elapsed.TotalSeconds, 0.001);
        var table = Tables.Create(
            ">read",
            ">imported",
            ">rejected",
            ">failed",
            ">unreadable",
            ">requests",
            ">retries",
            ">bytes (gzip)",
            ">bytes (uncompressed)",
            ">seconds",
            ">events/s");
        table.AddText(
            Tables.Count(Summary.EventsRead + Totals.Unreadable),
            Tables.Count(Summary.ImportedCount),
            Tables.Count(Summary.RejectedCount),
            Tables.Count(Summary.FailedCount),
            Tables.Count(Totals.Unreadable),
            Tables.Count(Summary.Requests),
            Tables.Count(Meter.RetryCount),
            Tables.Bytes(Meter.GzipBytes),
            Tables.Bytes(Meter.UncompressedBytes),
            Tables.Seconds(Elapsed.TotalSeconds),
            Tables.Rate(Summary.EventsRead / seconds));
        console.Write(table);

        WriteReasons(console, "Rejected by reason", Totals.RejectedByReason);
        WriteReasons(console, "Failed by reason", Totals.FailedByReason);
        foreach (var (reason, message) in Totals.FailureMessages)
        {
            console.WriteLine($"  {reason}: {message}");
        }

        if (Meter.RateLimitedCount > 0)
        {
            var count = Tables.Count(Meter.RateLimitedCount);
            console.WriteLine($"Mixpanel responded with 429 (rate limited) {count} times.");
        }

        if (Totals.Listed.Count > 0)
        {
            var problems = Tables.Create(">record", "problem");
            foreach (var (recordNumber, problem) in Totals.Listed.OrderBy(listed => listed.RecordNumber))
            {
                problems.AddText(Tables.Count(recordNumber), problem);
            }

            console.WriteLine(
                $"The first {Totals.Listed.Count} rejected or unreadable records (record = line or array element):");
            console.Write(problems);
        }
    }

    private static void WriteReasons(IAnsiConsole console, string title, IReadOnlyDictionary<string, long> reasons)
    {
        if (reasons.Count > 0)
        {
            var text = string.Join(
                ", ",
                reasons.OrderByDescending(pair => pair.Value).Select(pair => $"{pair.Key} {Tables.Count(pair.Value)}"));
            console.WriteLine($"{title}: {text}.");
        }
    }
}
