using System.CommandLine;
using System.Diagnostics;
using MixpanelSync.Cli.Api;
using MixpanelSync.Cli.Ingestion;
using MixpanelSync.Cli.Output;
using Spectre.Console;

namespace MixpanelSync.Cli.Commands;

/// <summary>
/// <c>ingest</c>: sends a file of brand events, or a real log converted by an importer, to a brand's ingestion
/// endpoint in gzipped NDJSON requests, and reports what the service stored and rejected.
/// </summary>
internal static class IngestCommand
{
    /// <summary>Stays under the service's default body limit of 10 MiB uncompressed.</summary>
    private const int MaxRequestBytes = 8 * 1024 * 1024;

    private const int DefaultBatchSize = 5_000;
    private const int MaxBatchSize = 50_000;

    public static Command Create(CliEnvironment environment)
    {
        var service = new ServiceOptions();
        var file = new Argument<string>("file")
        {
            Description = "A file of brand events (.json or .ndjson), a KuaiRand .csv, an OTTO .jsonl, or a Stack "
                + "Exchange dump folder or its Users.xml, Badges.xml or Votes.xml.",
        };
        var format = new Option<string>("--format")
        {
            Description = "The input format. auto picks it from the extension, and for .jsonl from the first line.",
            DefaultValueFactory = _ => "auto",
        };
        format.AcceptOnlyFromAmong("auto", "json", "ndjson", "kuairand", "otto", "stackexchange");
        var community = new Option<string?>("--community")
        {
            Description = "The community_id of converted Stack Exchange events. Default: from the folder name, "
                + "stackexchange-X becoming X.stackexchange.com.",
        };
        var batchSize = new Option<int>("--batch-size")
        {
            Description = $"Events per request, 1 to {MaxBatchSize}. Requests also stay under 8 MiB.",
            DefaultValueFactory = _ => DefaultBatchSize,
        };

        var command = new Command("ingest", "Send brand events, or a real log converted to them, to a brand.");
        command.Arguments.Add(file);
        service.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(community);
        command.Options.Add(batchSize);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var size = parseResult.GetValue(batchSize);
            if (size is < 1 or > MaxBatchSize)
            {
                throw CliException.Usage($"--batch-size {size} is out of range. Use 1 to {MaxBatchSize}.");
            }

            var source = EventSource.Open(
                parseResult.GetRequiredValue(file),
                Enum.Parse<EventFileFormat>(parseResult.GetRequiredValue(format), ignoreCase: true),
                parseResult.GetValue(community));
            using var client = service.CreateClient(parseResult, environment);
            var brandId = parseResult.GetRequiredValue(service.Brand);
            return await RunAsync(environment, client, brandId, source, size, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(
        CliEnvironment environment,
        SyncApiClient client,
        string brandId,
        EventSource source,
        int batchSize,
        CancellationToken cancellationToken)
    {
        var console = environment.Out;
        var clock = Stopwatch.StartNew();
        var totals = await ProgressDisplay.RunAsync(console, $"Ingesting {source.Path}", async progress =>
        {
            var totals = new IngestTotals();
            var batch = new IngestBatch(batchSize, MaxRequestBytes);
            await foreach (var record in source.ReadAsync(cancellationToken))
            {
                if (string.IsNullOrWhiteSpace(record.Json))
                {
                    continue;
                }

                var json = IngestBatch.Encode(record.Json);
                if (!batch.Fits(json.Length))
                {
                    await SendAsync(client, brandId, batch, totals, cancellationToken);
                    Report(progress, source, totals, clock.Elapsed);
                }

                batch.Add(record.Number, json);
            }

            if (batch.Count > 0)
            {
                await SendAsync(client, brandId, batch, totals, cancellationToken);
            }

            Report(progress, source, totals, clock.Elapsed, isFinal: true);
            return totals;
        });

        WriteSummary(console, brandId, source, totals, clock.Elapsed);
        return totals.Rejected == 0 ? ExitCodes.Success : ExitCodes.CompletedWithProblems;
    }

    private static async Task SendAsync(
        SyncApiClient client,
        string brandId,
        IngestBatch batch,
        IngestTotals totals,
        CancellationToken cancellationToken)
    {
        var response = await client.IngestAsync(brandId, batch.Body, cancellationToken);
        totals.Add(response, batch);
        batch.Clear();
    }

    private static void Report(
        ProgressReporter progress,
        EventSource source,
        IngestTotals totals,
        TimeSpan elapsed,
        bool isFinal = false)
    {
        var fraction = source.TotalBytes == 0 ? 1 : (double)source.BytesRead / source.TotalBytes;
        progress.Report(
            fraction,
            $"{Tables.Count(totals.Received)} sent, {Tables.Count(totals.Accepted)} stored, "
            + $"{Tables.Count(totals.Rejected)} rejected, "
            + (isFinal ? "done" : ProgressDisplay.Eta(ProgressDisplay.EstimateRemaining(fraction, elapsed))),
            isFinal);
    }

    private static void WriteSummary(
        Spectre.Console.IAnsiConsole console,
        string brandId,
        EventSource source,
        IngestTotals totals,
        TimeSpan elapsed)
    {
        var community = source.Format == EventFileFormat.StackExchange ? $", community {source.CommunityId}" : "";
        console.WriteLine(
            $"Ingested {source.Path} ({source.Format}{community}, {Tables.Bytes(source.TotalBytes)}) "
            + $"into brand {brandId}.");
        var table = Tables.Create(
            ">sent",
            ">stored",
            ">duplicates",
            ">rejected",
            ">repaired",
            ">requests",
            ">seconds",
            ">events/s");
        table.AddText(
            Tables.Count(totals.Received),
            Tables.Count(totals.Accepted),
            Tables.Count(totals.Duplicates),
            Tables.Count(totals.Rejected),
            Tables.Count(totals.Warnings),
            Tables.Count(totals.Requests),
            Tables.Seconds(elapsed.TotalSeconds),
            Tables.Rate(totals.Received / Math.Max(elapsed.TotalSeconds, 0.001)));
        console.Write(table);

        if (totals.Listed.Count == 0)
        {
            return;
        }

        console.WriteLine(
            $"Rejected events (the first {totals.Listed.Count} of {Tables.Count(totals.Rejected)}). Fix them and "
            + "send them again:");
        var rejected = Tables.Create(">" + source.RecordName, "event id", "problems");
        foreach (var rejection in totals.Listed)
        {
            rejected.AddText(Tables.Count(rejection.RecordNumber), rejection.EventId ?? "-", rejection.Problems);
        }

        console.Write(rejected);
    }
}
