using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MixpanelSync.Api.Audit;
using MixpanelSync.Api.Http;
using MixpanelSync.Api.Integration;
using MixpanelSync.GrainInterfaces.Integration;

namespace MixpanelSync.Api.Backfill;

/// <summary>
/// Endpoints that send events from before the connection time, under <c>/api/v1/brands/{brandId}/backfill</c>.
/// </summary>
public static class BackfillEndpoints
{
    /// <summary>Maps the backfill endpoints.</summary>
    public static RouteGroupBuilder MapBackfill(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapBrandGroup("/backfill", "Backfill");

        group.MapGet("/preview", PreviewAsync)
            .WithName("PreviewBackfill")
            .WithSummary("Count the stored events that a backfill from a date would send");
        group.MapPost("/", StartAsync)
            .WithName("StartBackfill")
            .WithSummary("Start a backfill run from a date up to the connection time");
        return group;
    }

    internal static async Task<Results<Ok<BackfillPreviewResponse>, ValidationProblem, ProblemHttpResult>>
        PreviewAsync(
            string brandId,
            string? from,
            TimeProvider time,
            [AsParameters] BrandServices services)
    {
        if (BackfillStart.Parse(from, time.GetUtcNow(), out var error) is not { } start)
        {
            return ApiProblems.Validation("from", error);
        }

        var integration = services.Integration(brandId);
        if ((await integration.GetStatusAsync()).State == ConnectionState.NotConnected)
        {
            return ApiProblems.NotConnected(brandId);
        }

        var preview = await integration.PreviewBackfillAsync(start);
        return TypedResults.Ok(new BackfillPreviewResponse(preview.From, preview.Until, preview.EventCount));
    }

    internal static async Task<Results<Accepted<RunStartedResponse>, ValidationProblem, ProblemHttpResult>>
        StartAsync(
            string brandId,
            BackfillRequest body,
            ClaimsPrincipal user,
            TimeProvider time,
            [AsParameters] BrandServices services)
    {
        if (BackfillStart.Parse(body.From, time.GetUtcNow(), out var error) is not { } start)
        {
            return ApiProblems.Validation("from", error);
        }

        var integration = services.Integration(brandId);
        if ((await integration.GetStatusAsync()).State == ConnectionState.NotConnected)
        {
            return ApiProblems.NotConnected(brandId);
        }

        var result = await integration.StartBackfillAsync(start);
        await services.Audit.RecordAsync(
            brandId,
            user,
            AuditActions.Backfill,
            result.Started,
            $"From {start:O}: {result.Message}");
        await services.Alerts.TryObserveAsync(await integration.GetStatusAsync());
        return RunResults.Accepted(brandId, result) is { } accepted
            ? accepted
            : ApiProblems.Conflict(result.Message, result.RunId);
    }
}
