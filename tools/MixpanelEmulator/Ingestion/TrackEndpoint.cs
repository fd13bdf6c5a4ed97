namespace MixpanelSync.MixpanelEmulator;

/// <summary>
/// GET and POST /track: events carry their project token in <c>properties.token</c>. Events for unknown tokens,
/// for another residency or older than five days are dropped silently, and the response is 1 as long as one record
/// was valid.
/// </summary>
internal sealed class TrackEndpoint(EmulatorRuntime runtime)
{
    public async Task HandleAsync(HttpContext context)
    {
        var responder = new LegacyResponder(context, runtime);
        var payload = await LegacyPayloadReader.ReadAsync(context, runtime);
        if (payload.Aborted)
        {
            return;
        }

        if (payload.TooLarge)
        {
            await responder.SendTooLargeAsync();
            return;
        }

        var records = new List<Range>();
        var error = payload.Error
            ?? RecordSplitter.Split(payload.Json.Span, records, runtime.Options.MaxRecordsPerRequest);
        if (error is null && records.Count > runtime.Options.MaxRecordsPerRequest)
        {
            error = $"request exceeds max of {runtime.Options.MaxRecordsPerRequest} records";
        }

        if (error is not null)
        {
            await responder.SendAsync(success: false, error);
            return;
        }

        await ProcessAsync(context, responder, payload, records);
    }

    private async Task ProcessAsync(
        HttpContext context,
        LegacyResponder responder,
        LegacyPayload payload,
        List<Range> records)
    {
        var scanned = Scan(payload.Json.Span, records);
        var firstProject = scanned.Select(record => record.Project).FirstOrDefault(project => project is not null);
        responder.Project = firstProject;
        if (firstProject is not null)
        {
            if (!await FaultGate.PassAsync(context, runtime, firstProject, legacyBodies: true))
            {
                return;
            }

            var events = scanned.Count(record => record.Project == firstProject);
            if (!firstProject.RateLimiter.TryAcquire(payload.UncompressedBytes, events))
            {
                await ResponseSender.SendRateLimitedAsync(context, runtime, firstProject, legacy: true);
                return;
            }
        }

        var listener = runtime.Listeners.Resolve(context);
        var outcome = Ingest(payload.Json.Span, records, scanned, listener);
        if (firstProject is not null && firstProject.Faults.TakeDropAfterStore())
        {
            FaultGate.DropConnection(context, runtime, firstProject);
            return;
        }

        await responder.SendAsync(outcome.ValidCount > 0, outcome.FirstError);
    }

    /// <summary>Scans every record and finds its project; revoked tokens count as unknown.</summary>
    private List<ScannedRecord> Scan(ReadOnlySpan<byte> json, List<Range> records)
    {
        var scanned = new List<ScannedRecord>(records.Count);
        foreach (var range in records)
        {
            var facts = EventScanner.Scan(json[range]);
            var project = facts.Token is { } token ? runtime.Projects.FindByToken(token) : null;
            var usable = project is { Faults.IsTokenRevoked: false } ? project : null;
            scanned.Add(new ScannedRecord(facts, usable));
        }

        return scanned;
    }

    private TrackOutcome Ingest(
        ReadOnlySpan<byte> json,
        List<Range> records,
        List<ScannedRecord> scanned,
        ListenerInfo listener)
    {
        var now = runtime.Time.GetUtcNow();
        var stamp = new IngestionStamp(IsImport: false, listener.ApiHost, now.ToUnixTimeMilliseconds());
        var batches = new Dictionary<ProjectState, EventBatch>();
        var outcome = new TrackOutcome();
        using var normalizer = new EventNormalizer();
        for (var index = 0; index < records.Count; index++)
        {
            var (facts, project) = scanned[index];
            var batch = project is not null && project.Project.Residency == listener.Residency
                ? GetBatch(batches, project)
                : new EventBatch();
            var ruleContext = new RuleContext(
                now,
                IngestionEndpoint.Track,
                RequireInsertId: false,
                project?.Project.IdentityMode ?? EmulatorIdentityMode.Simplified,
                PrivilegedCredentials: false);
            var failedBefore = batch.Failed.Count;
            EventIngestor.Ingest(json[records[index]], ref facts, index, ruleContext, stamp, normalizer, batch);
            outcome.Add(batch, failedBefore);
        }

        Store(batches, now, outcome);
        return outcome;
    }

    private void Store(Dictionary<ProjectState, EventBatch> batches, DateTimeOffset now, TrackOutcome outcome)
    {
        foreach (var (project, batch) in batches)
        {
            project.Events.Append(batch, now);
            var received = batch.Stored.Count + batch.Dropped + batch.Failed.Count;
            project.Stats.AddEvents(received, batch.Stored.Count, batch.Failed.Count, batch.Dropped);
            Log.Ingested(
                runtime.Logger,
                "/track",
                TokenMask.Mask(project.Project.Token),
                batch.Stored.Count,
                batch.Failed.Count);
        }

        var stored = batches.Values.Sum(batch => batch.Stored.Count);
        runtime.Stats.AddEvents(
            outcome.RecordCount,
            stored,
            outcome.FailedCount,
            outcome.RecordCount - stored - outcome.FailedCount);
    }

    private static EventBatch GetBatch(Dictionary<ProjectState, EventBatch> batches, ProjectState project)
    {
        if (!batches.TryGetValue(project, out var batch))
        {
            batch = new EventBatch();
            batches[project] = batch;
        }

        return batch;
    }

    private readonly record struct ScannedRecord(EventFacts Facts, ProjectState? Project);

    private sealed class TrackOutcome
    {
        public int RecordCount { get; private set; }

        public int FailedCount { get; private set; }

        public int ValidCount => RecordCount - FailedCount;

        public string? FirstError { get; private set; }

        public void Add(EventBatch batch, int failedBefore)
        {
            RecordCount++;
            if (batch.Failed.Count > failedBefore)
            {
                FailedCount++;
                FirstError ??= batch.Failed[^1].Message;
            }
        }
    }
}
