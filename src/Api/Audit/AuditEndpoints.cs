using Microsoft.AspNetCore.Http.HttpResults;
using MixpanelSync.Api.Http;

namespace MixpanelSync.Api.Audit;

/// <summary>The endpoint that reads a brand's audit log, under <c>/api/v1/brands/{brandId}/audit</c>.</summary>
public static class AuditEndpoints
{
    /// <summary>Maps the audit endpoint.</summary>
    public static RouteGroupBuilder MapAudit(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapBrandGroup("/audit", "Audit log");

        group.MapGet("/", ListAsync)
            .WithName("ListAuditEntries")
            .WithSummary(
                $"List the brand's audit entries, newest first; the last {IBrandAuditGrain.Capacity} are kept");
        return group;
    }

    internal static async Task<Results<Ok<AuditLogResponse>, ValidationProblem>> ListAsync(
        string brandId,
        int? limit,
        [AsParameters] BrandServices services)
    {
        var count = limit ?? 100;
        if (count is < 1 or > IBrandAuditGrain.Capacity)
        {
            return ApiProblems.Validation(
                "limit",
                $"The limit {count} is out of range. Use 1 to {IBrandAuditGrain.Capacity}.");
        }

        var entries = await services.Grains.GetGrain<IBrandAuditGrain>(brandId).ListAsync(count);
        return TypedResults.Ok(new AuditLogResponse(
            [.. entries.Select(AuditEntryResponse.From)],
            IBrandAuditGrain.Capacity));
    }
}
