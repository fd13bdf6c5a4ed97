using System.Buffers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MixpanelSync.MixpanelEmulator;

/// <summary>
/// The /_emulator inspection API for demos and scripts: projects, stored events and profiles, counters, faults and
/// the HTTPS certificate. It is served on every listener.
/// </summary>
internal static class InspectionEndpoints
{
    public static IEndpointRouteBuilder MapInspectionEndpoints(
        this IEndpointRouteBuilder routes,
        EmulatorRuntime runtime)
    {
        var group = routes.MapGroup("/_emulator");
        group.MapGet("/projects", () => TypedResults.Ok(runtime.Projects.All.Select(ProjectSummary.From)))
            .WithName("ListProjects");
        group.MapPost("/projects", (AddProjectRequest request) => AddProject(runtime, request))
            .WithName("AddProject");
        group.MapGet("/projects/{token}/events", (string token, string? view) => GetEvents(runtime, token, view))
            .WithName("GetEvents")
            .WithSummary("Stored events; view=dedup for the deduplicated query view, otherwise the raw log.");
        group.MapGet(
                "/projects/{token}/events/summary",
                (string token, string? groupBy) => GetEventSummary(runtime, token, groupBy))
            .WithName("GetEventSummary")
            .WithSummary("Counts of stored, unique, duplicate and rejected events and of requests, without events.");
        group.MapGet(
                "/projects/{token}/profiles",
                (string token) => GetProfiles(runtime, token, string.Empty, ProfileKind.User))
            .WithName("GetProfiles");
        group.MapGet(
                "/projects/{token}/groups/{groupKey}",
                (string token, string groupKey) => GetProfiles(runtime, token, groupKey, ProfileKind.Group))
            .WithName("GetGroupProfiles");
        group.MapGet("/projects/{token}/stats", (string token) => GetProjectStats(runtime, token))
            .WithName("GetProjectStats");
        group.MapPost(
                "/projects/{token}/faults",
                (string token, FaultRequest request) => SetFaults(runtime, token, request))
            .WithName("SetFaults");
        group.MapDelete("/projects/{token}/faults", (string token) => ClearFaults(runtime, token))
            .WithName("ClearFaults");
        group.MapDelete("/projects/{token}/data", (string token) => ClearData(runtime, token))
            .WithName("ClearData");
        group.MapGet(
                "/certificate",
                () => TypedResults.Text(runtime.Certificate.ExportCertificatePem(), "application/x-pem-file"))
            .WithName("GetCertificate")
            .WithSummary("The HTTPS certificate in PEM form, for NODE_EXTRA_CA_CERTS or curl --cacert.");
        group.MapGet("/stats", () => TypedResults.Ok(runtime.Stats.Snapshot())).WithName("GetStats");
        group.MapGet("/listeners", () => TypedResults.Ok(runtime.Listeners.All.Select(DescribeListener)))
            .WithName("ListListeners");
        return routes;
    }

    private static Results<Created<ProjectSummary>, ValidationProblem, Conflict<string>> AddProject(
        EmulatorRuntime runtime,
        AddProjectRequest request)
    {
        try
        {
            var state = runtime.Projects.Add(request.ToProject());
            Log.ProjectAdded(runtime.Logger, TokenMask.Mask(request.Token), request.Residency);
            return TypedResults.Created($"/_emulator/projects/{request.Token}", ProjectSummary.From(state));
        }
        catch (InvalidOperationException exception)
        {
            return TypedResults.Conflict(exception.Message);
        }
        catch (ArgumentException exception)
        {
            var errors = new Dictionary<string, string[]> { [exception.ParamName ?? "project"] = [exception.Message] };
            return TypedResults.ValidationProblem(errors);
        }
    }

    private static Results<FileContentHttpResult, NotFound> GetEvents(
        EmulatorRuntime runtime,
        string token,
        string? view)
    {
        if (runtime.Projects.FindByToken(token) is not { } project)
        {
            return TypedResults.NotFound();
        }

        var events = view == "dedup" ? project.Events.GetDeduplicated() : project.Events.GetRaw();
        var buffer = new ArrayBufferWriter<byte>();
        buffer.Write("["u8);
        for (var i = 0; i < events.Count; i++)
        {
            if (i > 0)
            {
                buffer.Write(","u8);
            }

            buffer.Write(events[i].Json.Span);
        }

        buffer.Write("]"u8);
        return TypedResults.Bytes(buffer.WrittenMemory, "application/json");
    }

    private static Results<Ok<EventSummary>, NotFound, ValidationProblem> GetEventSummary(
        EmulatorRuntime runtime,
        string token,
        string? groupBy)
    {
        if (runtime.Projects.FindByToken(token) is not { } project)
        {
            return TypedResults.NotFound();
        }

        if (EventSummary.TryCreate(project, groupBy, out var error) is not { } summary)
        {
            var errors = new Dictionary<string, string[]> { ["groupBy"] = [error!] };
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(summary);
    }

    private static Results<Ok<IReadOnlyDictionary<string, JsonObject>>, NotFound> GetProfiles(
        EmulatorRuntime runtime,
        string token,
        string groupKey,
        ProfileKind kind)
    {
        if (runtime.Projects.FindByToken(token) is not { } project)
        {
            return TypedResults.NotFound();
        }

        var store = kind == ProfileKind.User ? project.UserProfiles : project.GroupProfiles;
        return TypedResults.Ok(store.Snapshot(groupKey));
    }

    private static Results<Ok<EmulatorStats>, NotFound> GetProjectStats(EmulatorRuntime runtime, string token) =>
        runtime.Projects.FindByToken(token) is { } project
            ? TypedResults.Ok(project.Stats.Snapshot())
            : TypedResults.NotFound();

    private static Results<NoContent, NotFound, ValidationProblem> SetFaults(
        EmulatorRuntime runtime,
        string token,
        FaultRequest request)
    {
        if (runtime.Projects.FindByToken(token) is not { } project)
        {
            return TypedResults.NotFound();
        }

        try
        {
            request.ApplyTo(project.Faults);
            return TypedResults.NoContent();
        }
        catch (ArgumentOutOfRangeException exception)
        {
            var errors = new Dictionary<string, string[]> { [exception.ParamName ?? "fault"] = [exception.Message] };
            return TypedResults.ValidationProblem(errors);
        }
    }

    private static Results<NoContent, NotFound> ClearFaults(EmulatorRuntime runtime, string token)
    {
        if (runtime.Projects.FindByToken(token) is not { } project)
        {
            return TypedResults.NotFound();
        }

        project.Faults.Clear();
        return TypedResults.NoContent();
    }

    private static Results<NoContent, NotFound> ClearData(EmulatorRuntime runtime, string token)
    {
        if (runtime.Projects.FindByToken(token) is not { } project)
        {
            return TypedResults.NotFound();
        }

        project.Events.Clear();
        project.UserProfiles.Clear();
        project.GroupProfiles.Clear();
        return TypedResults.NoContent();
    }

    private static object DescribeListener(ListenerInfo listener) => new
    {
        listener.Residency,
        Scheme = listener.IsHttps ? "https" : "http",
        BaseAddress = listener.BaseAddress.ToString(),
        ApiHost = listener.ApiHost,
    };
}
