using System.Globalization;
using System.Text;
using MixpanelSync.GrainInterfaces.Integration;

namespace MixpanelSync.Silo.Demo;

/// <summary>Prints each step of the demo as it happens.</summary>
internal sealed class DemoProgressWriter(TextWriter output)
{
    private const int LineWidth = 100;

    public void IngestHeading() => Heading(
        "1/5 Ingest",
        "Each brand's sample events are validated by the schema parser, as POST /api/v1/brands/{brandId}/events "
        + "does, and appended to the event store.");

    public void Ingested(IReadOnlyList<DemoDataset> datasets, IReadOnlyList<IngestReport> ingests)
    {
        var table = new TextTable("brand", "dataset", ">received", ">accepted", ">duplicates", ">rejected", ">seconds");
        for (var i = 0; i < datasets.Count; i++)
        {
            var ingest = ingests[i];
            table.AddRow(
                datasets[i].BrandId,
                datasets[i].Title,
                TextTable.Count(ingest.Received),
                TextTable.Count(ingest.Accepted),
                TextTable.Count(ingest.Duplicates),
                TextTable.Count(ingest.Rejected),
                TextTable.Seconds(ingest.Elapsed));
        }

        table.Write(output);
        foreach (var (dataset, ingest) in datasets.Zip(ingests))
        {
            if (ingest.FirstRejection is { } rejection)
            {
                output.WriteLine($"  {dataset.BrandId}: first rejected event: {rejection}");
            }
        }
    }

    public void ConnectHeading() => Heading(
        "2/5 Connect",
        "Each brand connects its own emulator project. The grain checks the token with an /import request "
        + "before it saves anything.");

    public void Connected(IReadOnlyList<DemoDataset> datasets, IReadOnlyList<IntegrationStatus> connections)
    {
        var table = new TextTable("brand", "residency", "project token", "state", "connected at (UTC)");
        for (var i = 0; i < datasets.Count; i++)
        {
            table.AddRow(
                datasets[i].BrandId,
                datasets[i].Residency.ToString().ToLowerInvariant(),
                connections[i].MaskedToken ?? "-",
                connections[i].State.ToString(),
                Time(connections[i].ConnectedAt));
        }

        table.Write(output);
    }

    public void SyncNowHeading() => Heading(
        "3/5 Sync now",
        "The samples are years older than the connection, so the brands' first run reads them and skips them "
        + "all: only a backfill sends events from before the connection time.");

    public void RunFinished(DemoDataset dataset, DemoRun run)
    {
        var summary = run.Summary;
        output.WriteLine(
            $"  {dataset.BrandId}: run {summary.RunId} {summary.Outcome} in {TextTable.Seconds(summary.Duration)} s: "
            + $"read {TextTable.Count(summary.EventsRead)}, skipped {TextTable.Count(summary.EventsSkipped)}, "
            + $"sent {TextTable.Count(summary.EventsSent)}, imported {TextTable.Count(summary.EventsImported)}"
            + (summary.Error is null ? "." : $". Error: {summary.Error}"));
    }

    public void PreviewHeading() => Heading(
        "4/5 Backfill preview",
        "Stored events from the day of each brand's first event up to its connection time.");

    public void Previewed(IReadOnlyList<DemoDataset> datasets, IReadOnlyList<BackfillPreview> previews)
    {
        var table = new TextTable("brand", "from (UTC)", "until (UTC)", ">events");
        for (var i = 0; i < datasets.Count; i++)
        {
            table.AddRow(
                datasets[i].BrandId,
                Time(previews[i].From),
                Time(previews[i].Until),
                TextTable.Count(previews[i].EventCount));
        }

        table.Write(output);
    }

    public void BackfillHeading() => Heading(
        "5/5 Backfill",
        "One backfill run per brand sends the previewed events in gzipped /import batches of up to 2,000.");

    private void Heading(string step, string description)
    {
        output.WriteLine();
        foreach (var line in Wrap($"{step}. {description}"))
        {
            output.WriteLine(line);
        }
    }

    /// <summary>Breaks text at spaces into lines of at most 100 characters and indents the later lines.</summary>
    public static IEnumerable<string> Wrap(string text)
    {
        const string Indent = "    ";
        var line = new StringBuilder();
        var empty = true;
        foreach (var word in text.Split(' '))
        {
            if (!empty && line.Length + 1 + word.Length > LineWidth)
            {
                yield return line.ToString();
                line.Clear().Append(Indent);
                empty = true;
            }

            line.Append(empty ? word : " " + word);
            empty = false;
        }

        yield return line.ToString();
    }

    private static string Time(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "-";
}
