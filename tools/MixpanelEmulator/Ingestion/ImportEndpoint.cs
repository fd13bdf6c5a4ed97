namespace MixpanelSync.MixpanelEmulator;

/// <summary>
/// POST /import: authenticate, apply faults, read the body under the size cap, split it into events, apply the
/// rate limit, validate and store, respond.
/// </summary>
internal sealed class ImportEndpoint(EmulatorRuntime runtime)
{
    private const string TooManyRecordsFormat = "request exceeds max of {0} records";

    public async Task HandleAsync(HttpContext context)
    {
        var mode = ImportMode.From(context.Request);
        var responder = new ImportResponder(context, runtime, mode);
        var principal = ImportAuthenticator.Authenticate(context.Request, runtime.Projects, runtime.Time.GetUtcNow());
        if (principal is null)
        {
            await responder.UnauthorizedAsync();
            return;
        }

        var project = principal.Project;
        responder.Project = project;
        var listener = runtime.Listeners.Resolve(context);
        var wrongResidency = project.Project.Residency != listener.Residency;
        if (wrongResidency && runtime.Options.WrongResidency == WrongResidencyBehavior.Unauthorized)
        {
            await responder.UnauthorizedAsync();
            return;
        }

        if (!await FaultGate.PassAsync(context, runtime, project, legacyBodies: !mode.Strict))
        {
            return;
        }

        using var body = await IngestionBody.ReadAsync(context, runtime, project);
        if (body is null)
        {
            return;
        }

        var request = new ImportRequest(context, principal, listener, mode, responder, wrongResidency);
        await ProcessAsync(request, body);
    }

    private async Task ProcessAsync(ImportRequest request, RequestBody body)
    {
        var responder = request.Responder;
        if (await IngestionBody.RejectUnreadableAsync(body, responder))
        {
            return;
        }

        if (request.Mode.Form && DataParameter.LooksLikeJson(body.Span))
        {
            request = request with { Mode = request.Mode.AsJsonBody() };
            responder.Mode = request.Mode;
        }

        var payload = request.Mode.Form ? DataParameter.FromForm(body.Span) : null;
        if (request.Mode.Form && (payload is null || payload.Length == 0))
        {
            RecordRateUsage(request, body.Length, 0);
            await responder.BadRequestAsync("the data parameter is missing or is neither JSON nor base64 JSON");
            return;
        }

        var json = payload ?? body.Memory;
        var records = new List<Range>();
        var maxRecords = runtime.Options.CountingOnly ? int.MaxValue - 1 : runtime.Options.MaxRecordsPerRequest;
        var parseError = RecordSplitter.Split(json.Span, records, maxRecords);
        await ProcessRecordsAsync(request, json, records, parseError, body.Length);
    }

    private async Task ProcessRecordsAsync(
        ImportRequest request,
        ReadOnlyMemory<byte> json,
        List<Range> records,
        string? parseError,
        int uncompressedBytes)
    {
        var project = request.Principal.Project;
        var responder = request.Responder;
        if (parseError is not null || records.Count > runtime.Options.MaxRecordsPerRequest)
        {
            RecordRateUsage(request, uncompressedBytes, records.Count);
            var error = parseError ?? string.Format(null, TooManyRecordsFormat, runtime.Options.MaxRecordsPerRequest);
            await responder.BadRequestAsync(error);
            return;
        }

        if (runtime.Options.CountingOnly || request.WrongResidency)
        {
            await AcceptWithoutStoringAsync(request, records.Count);
            return;
        }

        if (!project.RateLimiter.TryAcquire(uncompressedBytes, records.Count))
        {
            await responder.RateLimitedAsync();
            return;
        }

        var batch = Validate(request, json.Span, records);
        Store(request, batch);
        if (project.Faults.TakeDropAfterStore())
        {
            FaultGate.DropConnection(request.Context, runtime, project);
            return;
        }

        await responder.BatchAsync(batch);
    }

    private EventBatch Validate(ImportRequest request, ReadOnlySpan<byte> json, List<Range> records)
    {
        var now = runtime.Time.GetUtcNow();
        var project = request.Principal.Project.Project;
        var context = new RuleContext(
            now,
            IngestionEndpoint.Import,
            RequireInsertId: request.Mode.Strict,
            project.IdentityMode,
            request.Principal.Privileged);
        var stamp = new IngestionStamp(IsImport: true, request.Listener.ApiHost, now.ToUnixTimeMilliseconds());
        var batch = new EventBatch();
        using var normalizer = new EventNormalizer();
        for (var index = 0; index < records.Count; index++)
        {
            var eventJson = json[records[index]];
            var facts = EventScanner.Scan(eventJson);
            EventIngestor.Ingest(eventJson, ref facts, index, context, stamp, normalizer, batch);
        }

        return batch;
    }

    private void Store(ImportRequest request, EventBatch batch)
    {
        var project = request.Principal.Project;
        project.Events.Append(batch, runtime.Time.GetUtcNow());
        var received = batch.Stored.Count + batch.Dropped + batch.Failed.Count;
        runtime.Stats.AddEvents(received, batch.Stored.Count, batch.Failed.Count, batch.Dropped);
        project.Stats.AddEvents(received, batch.Stored.Count, batch.Failed.Count, batch.Dropped);
        Log.Ingested(
            runtime.Logger,
            "/import",
            TokenMask.Mask(project.Project.Token),
            batch.Stored.Count,
            batch.Failed.Count);
    }

    private Task AcceptWithoutStoringAsync(ImportRequest request, int count)
    {
        var project = request.Principal.Project;
        var dropped = request.WrongResidency ? count : 0;
        runtime.Stats.AddEvents(count, 0, 0, dropped);
        project.Stats.AddEvents(count, 0, 0, dropped);
        if (request.WrongResidency)
        {
            var token = TokenMask.Mask(project.Project.Token);
            Log.WrongResidency(runtime.Logger, "/import", token, request.Listener.Residency);
        }

        return request.Responder.AcceptedAsync(count);
    }

    private static void RecordRateUsage(ImportRequest request, int bytes, int events)
    {
        if (!request.WrongResidency)
        {
            request.Principal.Project.RateLimiter.Record(bytes, events);
        }
    }
}
