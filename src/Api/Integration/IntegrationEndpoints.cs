using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MixpanelSync.Api.Audit;
using MixpanelSync.Api.Http;
using MixpanelSync.GrainInterfaces.Integration;

namespace MixpanelSync.Api.Integration;

/// <summary>
/// Endpoints of a brand's Mixpanel integration under <c>/api/v1/brands/{brandId}/integration</c>: connect, read,
/// change settings, sync now and disconnect.
/// </summary>
public static class IntegrationEndpoints
{
    /// <summary>Maps the integration endpoints.</summary>
    public static RouteGroupBuilder MapIntegration(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapBrandGroup("/integration", "Integration");

        group.MapPost("/", ConnectAsync)
            .WithName("ConnectIntegration")
            .WithSummary("Connect the brand's Mixpanel project")
            .WithDescription(
                "Checks the token against Mixpanel's /import for the residency and saves nothing unless Mixpanel "
                + "accepts it. Events from the connection time on are sent on the schedule.");
        group.MapGet("/", GetAsync)
            .WithName("GetIntegration")
            .WithSummary("Get the integration's state, masked token, schedule and last and next sync");
        group.MapPatch("/", UpdateAsync)
            .WithName("UpdateIntegration")
            .WithSummary("Change settings; a new token or residency is checked against Mixpanel first");
        group.MapPost("/sync", SyncNowAsync)
            .WithName("SyncNow")
            .WithSummary("Start a run now");
        group.MapDelete("/", DisconnectAsync)
            .WithName("DisconnectIntegration")
            .WithSummary("Disconnect the Mixpanel project; requires ?confirm=true")
            .WithDescription(
                "Stops a run in progress, removes the schedule and deletes the stored credentials. Run history "
                + "and rejected events are kept.");
        return group;
    }

    internal static async Task<Results<Created<IntegrationResponse>, ValidationProblem, ProblemHttpResult>>
        ConnectAsync(
            string brandId,
            ConnectIntegrationRequest body,
            ClaimsPrincipal user,
            [AsParameters] BrandServices services)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (IntegrationRequestValidator.ToConnectRequest(body, errors) is not { } request)
        {
            return ApiProblems.Validation(errors);
        }

        var result = await services.Integration(brandId).ConnectAsync(request);
        await services.Audit.RecordAsync(brandId, user, AuditActions.Connect, result.Succeeded, result.Message);
        await services.Alerts.TryObserveAsync(result.Status);
        if (!result.Succeeded)
        {
            return ConnectProblems.From(result);
        }

        return TypedResults.Created(
            $"/api/v1/brands/{brandId}/integration",
            IntegrationResponse.From(result.Status));
    }

    internal static async Task<Results<Ok<IntegrationResponse>, ProblemHttpResult>> GetAsync(
        string brandId,
        [AsParameters] BrandServices services)
    {
        var status = await services.Integration(brandId).GetStatusAsync();
        await services.Alerts.TryObserveAsync(status);
        return status.State == ConnectionState.NotConnected
            ? ApiProblems.NotConnected(brandId)
            : TypedResults.Ok(IntegrationResponse.From(status));
    }

    internal static async Task<Results<Ok<IntegrationResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string brandId,
        UpdateIntegrationRequest body,
        ClaimsPrincipal user,
        [AsParameters] BrandServices services)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (IntegrationRequestValidator.ToSettingsUpdate(body, errors) is not { } update)
        {
            return ApiProblems.Validation(errors);
        }

        if (update == new SettingsUpdate())
        {
            return ApiProblems.Validation(
                "body",
                "The body changes nothing. Give at least one of projectToken, residency, schedule, "
                + "serviceAccount, removeServiceAccount or mapping.");
        }

        var integration = services.Integration(brandId);
        if ((await integration.GetStatusAsync()).State == ConnectionState.NotConnected)
        {
            return ApiProblems.NotConnected(brandId);
        }

        var result = await integration.UpdateSettingsAsync(update);
        await services.Audit.RecordAsync(brandId, user, AuditActions.UpdateSettings, result.Succeeded, result.Message);
        await services.Alerts.TryObserveAsync(result.Status);
        return result.Succeeded
            ? TypedResults.Ok(IntegrationResponse.From(result.Status))
            : ConnectProblems.From(result);
    }

    internal static async Task<Results<Accepted<RunStartedResponse>, ProblemHttpResult>> SyncNowAsync(
        string brandId,
        ClaimsPrincipal user,
        [AsParameters] BrandServices services)
    {
        var integration = services.Integration(brandId);
        if ((await integration.GetStatusAsync()).State == ConnectionState.NotConnected)
        {
            return ApiProblems.NotConnected(brandId);
        }

        var result = await integration.SyncNowAsync();
        await services.Audit.RecordAsync(brandId, user, AuditActions.SyncNow, result.Started, result.Message);
        await services.Alerts.TryObserveAsync(await integration.GetStatusAsync());
        return RunResults.Accepted(brandId, result) is { } accepted
            ? accepted
            : ApiProblems.Conflict(result.Message, result.RunId);
    }

    internal static async Task<Results<Ok<DisconnectResponse>, ValidationProblem, ProblemHttpResult>>
        DisconnectAsync(
            string brandId,
            bool? confirm,
            ClaimsPrincipal user,
            [AsParameters] BrandServices services)
    {
        if (confirm != true)
        {
            return ApiProblems.Validation(
                "confirm",
                "Disconnecting deletes the stored credentials and stops scheduled syncs. "
                + "Repeat the request with ?confirm=true to confirm.");
        }

        var integration = services.Integration(brandId);
        if ((await integration.GetStatusAsync()).State == ConnectionState.NotConnected)
        {
            return ApiProblems.NotConnected(brandId);
        }

        var result = await integration.DisconnectAsync(confirmed: true);
        await services.Audit.RecordAsync(brandId, user, AuditActions.Disconnect, result.Disconnected, result.Message);
        await services.Alerts.TryObserveAsync(await integration.GetStatusAsync());
        return result.Disconnected
            ? TypedResults.Ok(new DisconnectResponse(result.Message, result.CancelledRunId))
            : ApiProblems.Conflict(result.Message);
    }
}
