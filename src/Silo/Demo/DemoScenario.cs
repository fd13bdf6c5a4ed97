using System.Diagnostics;
using MixpanelSync.Events;
using MixpanelSync.Events.Schema;
using MixpanelSync.Events.Storage;
using MixpanelSync.GrainInterfaces.Integration;

namespace MixpanelSync.Silo.Demo;

/// <summary>
/// The demo's steps for every brand. It ingests the sample events and connects the emulator project. A first run
/// skips the events as older than the connection, and a backfill, previewed first, sends them. Last, the runs'
/// counts are compared with what the emulator stored.
/// </summary>
internal sealed class DemoScenario(DemoHost host, TextWriter output)
{
    /// <summary>Events per parse and append, like one ingestion request of a few megabytes.</summary>
    private const int IngestChunkSize = 5_000;

    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    private readonly IGrainFactory _grains = host.Services.GetRequiredService<IGrainFactory>();
    private readonly DemoProgressWriter _progress = new(output);

    public async Task<DemoReport> RunAsync(CancellationToken cancellationToken)
    {
        var datasets = host.Datasets;
        _progress.IngestHeading();
        var ingests = new List<IngestReport>();
        foreach (var dataset in datasets)
        {
            var ingest = await IngestAsync(dataset, cancellationToken);
            ingests.Add(ingest);
        }

        _progress.Ingested(datasets, ingests);

        var syncClock = Stopwatch.StartNew();
        _progress.ConnectHeading();
        var connections = await Task.WhenAll(datasets.Select(ConnectAsync));
        _progress.Connected(datasets, connections);

        _progress.SyncNowHeading();
        var firstRuns = await RunAllAsync(
            datasets,
            dataset => Integration(dataset).SyncNowAsync(),
            cancellationToken);

        _progress.PreviewHeading();
        var previews = await Task.WhenAll(datasets.Select(dataset =>
            Integration(dataset).PreviewBackfillAsync(dataset.EarliestDay)));
        _progress.Previewed(datasets, previews);

        _progress.BackfillHeading();
        var backfills = await RunAllAsync(
            datasets,
            dataset => Integration(dataset).StartBackfillAsync(dataset.EarliestDay),
            cancellationToken);
        syncClock.Stop();

        var brands = new List<BrandReport>();
        for (var i = 0; i < datasets.Count; i++)
        {
            DemoRun[] runs = [firstRuns[i], backfills[i]];
            var check = await CheckAsync(datasets[i], ingests[i], connections[i], previews[i], runs);
            brands.Add(new BrandReport(datasets[i], ingests[i], connections[i], previews[i], runs, check));
        }

        return new DemoReport(brands, syncClock.Elapsed);
    }

    /// <summary>
    /// Serializes the importers' events to NDJSON and stores them as <c>POST /api/v1/brands/{brandId}/events</c>
    /// does: the schema parser validates each event, and the event store appends the valid ones.
    /// </summary>
    private async Task<IngestReport> IngestAsync(DemoDataset dataset, CancellationToken cancellationToken)
    {
        var parser = host.Services.GetRequiredService<BrandEventParser>();
        var store = host.Services.GetRequiredService<IEventStore>();
        var stopwatch = Stopwatch.StartNew();
        int received = 0, accepted = 0, duplicates = 0, rejected = 0;
        string? firstRejection = null;
        var stored = new List<BrandEvent>();

        foreach (var chunk in dataset.Events.Chunk(IngestChunkSize))
        {
            using var reader = new StringReader(string.Join('\n', chunk.Select(BrandEventJson.Serialize)));
            var parsed = parser.ParseNdjson(reader);
            var appended = parsed.Events.Count == 0
                ? new AppendResult(0, 0)
                : await store.AppendAsync(dataset.BrandId, parsed.Events, cancellationToken);

            received += parsed.Count;
            accepted += appended.Accepted;
            duplicates += appended.Duplicates;
            rejected += parsed.RejectedCount;
            firstRejection ??= parsed.Errors.Select(error => $"{error.Field}: {error.Reason}").FirstOrDefault();
            stored.AddRange(parsed.Events);
        }

        // The store keeps the first of several events with one id, and so does this list.
        var distinct = stored.DistinctBy(brandEvent => brandEvent.EventId).ToList();
        return new IngestReport(received, accepted, duplicates, rejected, firstRejection, distinct, stopwatch.Elapsed);
    }

    private async Task<IntegrationStatus> ConnectAsync(DemoDataset dataset)
    {
        var request = new ConnectRequest(dataset.ProjectToken, dataset.Residency, SyncSchedule.Daily(3, "UTC"));
        var result = await Integration(dataset).ConnectAsync(request);
        return result.Succeeded
            ? result.Status
            : throw new DemoFailedException(
                $"Brand {dataset.BrandId} could not connect its emulator project: {result.Message}");
    }

    /// <summary>Starts one run per brand, waits for all of them and counts the emulator's requests meanwhile.</summary>
    private async Task<DemoRun[]> RunAllAsync(
        IReadOnlyList<DemoDataset> datasets,
        Func<DemoDataset, Task<SyncRequestResult>> start,
        CancellationToken cancellationToken)
    {
        var requestsBefore = datasets.Select(RequestCount).ToArray();
        var started = await Task.WhenAll(datasets.Select(start));
        var deadline = DateTimeOffset.UtcNow + RunTimeout;
        var runs = new DemoRun[datasets.Count];
        for (var i = 0; i < datasets.Count; i++)
        {
            if (!started[i].Started || started[i].RunId is not { } runId)
            {
                throw new DemoFailedException(
                    $"Brand {datasets[i].BrandId} could not start a run: {started[i].Message}");
            }

            var summary = await WaitForRunAsync(datasets[i], runId, deadline, cancellationToken);
            runs[i] = new DemoRun(summary, RequestCount(datasets[i]) - requestsBefore[i]);
            _progress.RunFinished(datasets[i], runs[i]);
        }

        return runs;
    }

    private async Task<RunSummary> WaitForRunAsync(
        DemoDataset dataset,
        string runId,
        DateTimeOffset deadline,
        CancellationToken cancellationToken)
    {
        while (true)
        {
            var runs = await Integration(dataset).ListRunsAsync(10);
            if (runs.FirstOrDefault(run => run.RunId == runId) is { EndedAt: not null } finished)
            {
                return finished;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new DemoFailedException(
                    $"Run {runId} of brand {dataset.BrandId} did not finish within {RunTimeout.TotalSeconds} s. "
                    + "Rerun with --Logging:LogLevel:Default=Information to see what it is doing.");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private async Task<EmulatorCheck> CheckAsync(
        DemoDataset dataset,
        IngestReport ingest,
        IntegrationStatus connection,
        BackfillPreview preview,
        IReadOnlyList<DemoRun> runs)
    {
        var rejectedByType = (await ListRejectedAsync(dataset)).CountBy(letter => letter.EventType).ToDictionary();
        var until = connection.ConnectedAt ?? preview.Until;
        var expected = ingest.StoredEvents
            .Where(brandEvent => brandEvent.OccurredAt >= preview.From && brandEvent.OccurredAt < until)
            .CountBy(brandEvent => brandEvent.Type)
            .ToDictionary(pair => pair.Key, pair => (long)(pair.Value - rejectedByType.GetValueOrDefault(pair.Key)));

        var deduplicated = host.Emulator.GetDeduplicatedEvents(dataset.ProjectToken);
        var stored = deduplicated
            .CountBy(storedEvent => TypeOfEventName(storedEvent.Name))
            .ToDictionary(pair => pair.Key, pair => (long)pair.Value);
        var byType = expected.Keys.Union(stored.Keys)
            .Order(StringComparer.Ordinal)
            .Select(type => new EventTypeCount(type, expected.GetValueOrDefault(type), stored.GetValueOrDefault(type)))
            .ToList();

        return new EmulatorCheck(
            runs.Sum(run => run.Summary.EventsImported),
            deduplicated.Count,
            host.Emulator.GetEvents(dataset.ProjectToken).Count,
            byType);
    }

    /// <summary>
    /// Returns the brand event type a Mixpanel event name stands for: the schema's Mixpanel name (such as
    /// <c>Video View</c>) or the type itself, because the demo sets no prefix and no custom names. An unknown name
    /// is returned as it is, so that the check reports it.
    /// </summary>
    private static string TypeOfEventName(string name) =>
        EventSchema.Types.FirstOrDefault(type => type.MixpanelName == name || type.Type == name)?.Type ?? name;

    private async Task<List<RejectedEventInfo>> ListRejectedAsync(DemoDataset dataset)
    {
        const int PageSize = 1000;
        var all = new List<RejectedEventInfo>();
        while (true)
        {
            var after = all.Count == 0 ? 0 : all[^1].DeadLetterId;
            var page = await Integration(dataset).ListRejectedEventsAsync(includeReplayed: true, after, PageSize);
            all.AddRange(page);
            if (page.Count < PageSize)
            {
                return all;
            }
        }
    }

    private long RequestCount(DemoDataset dataset) =>
        host.Emulator.GetStats(dataset.ProjectToken).RequestsByStatusCode.Values.Sum();

    private IBrandIntegrationGrain Integration(DemoDataset dataset) =>
        _grains.GetGrain<IBrandIntegrationGrain>(dataset.BrandId);
}
