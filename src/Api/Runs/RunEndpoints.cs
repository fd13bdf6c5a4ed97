using Microsoft.AspNetCore.Http.HttpResults;
using MixpanelSync.Api.Http;

namespace MixpanelSync.Api.Runs;

/// <summary>Endpoints of a brand's sync runs under <c>/api/v1/brands/{brandId}/runs</c>.</summary>
public static class RunEndpoints
{
    /// <summary>The most runs one list returns, and how far back a run can be looked up by id.</summary>
    public const int MaxRuns = 500;

    /// <summary>Maps the run endpoints.</summary>
    public static RouteGroupBuilder MapRuns(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapBrandGroup("/runs", "Runs");

        group.MapGet("/", ListAsync)
            .WithName("ListRuns")
            .WithSummary("List the brand's most recent runs, newest first");
        group.MapGet("/{runId}", GetAsync)
            .WithName("GetRun")
            .WithSummary("Get one run with its counts by outcome and rejection reason");
        return group;
    }

    internal static async Task<Results<Ok<IReadOnlyList<RunResponse>>, ValidationProblem>> ListAsync(
        string brandId,
        int? limit,
        [AsParameters] BrandServices services)
    {
        var count = limit ?? 50;
        if (count is < 1 or > MaxRuns)
        {
            return ApiProblems.Validation("limit", $"The limit {count} is out of range. Use 1 to {MaxRuns}.");
        }

        var runs = await services.Integration(brandId).ListRunsAsync(count);
        return TypedResults.Ok<IReadOnlyList<RunResponse>>([.. runs.Select(RunResponse.From)]);
    }

    internal static async Task<Results<Ok<RunResponse>, ProblemHttpResult>> GetAsync(
        string brandId,
        string runId,
        [AsParameters] BrandServices services)
    {
        // NOTE: the grain lists runs newest first, so only the last MaxRuns runs can be found by id.
        var runs = await services.Integration(brandId).ListRunsAsync(MaxRuns);
        var run = runs.FirstOrDefault(candidate => candidate.RunId == runId);
        return run is null
            ? ApiProblems.NotFound(
                $"Run '{runId}' of brand '{brandId}' was not found among its last {MaxRuns} runs. "
                + "List the runs to find its id.")
            : TypedResults.Ok(RunResponse.From(run));
    }
}
