namespace MixpanelSync.MixpanelEmulator;

/// <summary>
/// POST /engage (user profiles) and /groups (group profiles). Updates route by their <c>$token</c>; the response is
/// HTTP 200 even when some updates are invalid, and strict=1 adds per-update errors.
/// </summary>
internal sealed class ProfileEndpoint(EmulatorRuntime runtime, ProfileKind kind)
{
    // NOTE: Mixpanel documents no rate limit for /engage and /groups, so the emulator applies none there.
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
            error = $"request exceeds max of {runtime.Options.MaxRecordsPerRequest} updates";
        }

        if (error is not null)
        {
            await responder.SendAsync(success: false, error);
            return;
        }

        await ProcessAsync(context, responder, payload.Json, records);
    }

    private async Task ProcessAsync(
        HttpContext context,
        LegacyResponder responder,
        ReadOnlyMemory<byte> json,
        List<Range> records)
    {
        var updates = records.Select(range => Parse(json.Span[range])).ToList();
        var firstProject = updates
            .Select(update => update.Parsed is null ? null : runtime.Projects.FindByToken(update.Parsed.Token))
            .FirstOrDefault(project => project is not null);
        responder.Project = firstProject;
        if (firstProject is not null && !await FaultGate.PassAsync(context, runtime, firstProject, legacyBodies: true))
        {
            return;
        }

        var listener = runtime.Listeners.Resolve(context);
        var failures = Apply(updates, listener);
        if (firstProject is not null && firstProject.Faults.TakeDropAfterStore())
        {
            FaultGate.DropConnection(context, runtime, firstProject);
            return;
        }

        await RespondAsync(context, responder, records.Count, failures);
    }

    private (ParsedProfileUpdate? Parsed, string? Error) Parse(ReadOnlySpan<byte> json)
    {
        var parsed = ProfileUpdateParser.Parse(json, kind, out var error);
        return (parsed, error);
    }

    private List<FailedRecord> Apply(List<(ParsedProfileUpdate? Parsed, string? Error)> updates, ListenerInfo listener)
    {
        var now = runtime.Time.GetUtcNow();
        var failures = new List<FailedRecord>();
        for (var index = 0; index < updates.Count; index++)
        {
            var (parsed, error) = updates[index];
            if (parsed is not null)
            {
                error = ApplyOne(parsed, listener, now);
            }

            if (error is not null)
            {
                failures.Add(new FailedRecord(index, string.Empty, string.Empty, error));
            }
        }

        var applied = updates.Count - failures.Count;
        runtime.Stats.AddEvents(updates.Count, applied, failures.Count, 0);
        return failures;
    }

    /// <summary>
    /// Applies an update to its project; updates for unknown tokens or another residency are dropped.
    /// </summary>
    private string? ApplyOne(ParsedProfileUpdate parsed, ListenerInfo listener, DateTimeOffset now)
    {
        var project = runtime.Projects.FindByToken(parsed.Token);
        if (project is null || project.Faults.IsTokenRevoked || project.Project.Residency != listener.Residency)
        {
            return null;
        }

        var store = kind == ProfileKind.User ? project.UserProfiles : project.GroupProfiles;
        var error = store.Apply(parsed.Key, parsed.Update, now);
        project.Stats.AddEvents(1, error is null ? 1 : 0, error is null ? 0 : 1, 0);
        return error;
    }

    private Task RespondAsync(HttpContext context, LegacyResponder responder, int total, List<FailedRecord> failures)
    {
        var good = total - failures.Count;
        if (context.Request.Query["strict"] == "1")
        {
            var body = ResponseBodies.ProfileStrict(good, failures);
            return ResponseSender.SendAsync(
                context,
                runtime,
                responder.Project,
                StatusCodes.Status200OK,
                ResponseSender.Json,
                body);
        }

        return responder.SendAsync(good > 0, failures.Count > 0 ? failures[0].Message : null);
    }
}
