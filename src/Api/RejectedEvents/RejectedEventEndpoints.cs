using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MixpanelSync.Api.Audit;
using MixpanelSync.Api.Http;
using MixpanelSync.Api.Integration;
using MixpanelSync.GrainInterfaces.Integration;

namespace MixpanelSync.Api.RejectedEvents;

/// <summary>
/// Endpoints of events rejected during runs, under <c>/api/v1/brands/{brandId}/rejected-events</c>: list them
/// with their reasons and replay them.
/// </summary>
public static class RejectedEventEndpoints
{
    /// <summary>The most rejected events one page returns.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>The most dead-letter ids one replay request may name.</summary>
    public const int MaxReplayIds = 10_000;

    /// <summary>Maps the rejected event endpoints.</summary>
    public static RouteGroupBuilder MapRejectedEvents(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapBrandGroup("/rejected-events", "Rejected events");

        group.MapGet("/", ListAsync)
            .WithName("ListRejectedEvents")
            .WithSummary("List rejected events with their reasons, oldest first, one page at a time");
        group.MapPost("/replay", ReplayAsync)
            .WithName("ReplayRejectedEvents")
            .WithSummary("Start a run that sends rejected events again with the current settings");
        return group;
    }

    internal static async Task<Results<Ok<RejectedEventPage>, ValidationProblem>> ListAsync(
        string brandId,
        bool? includeReplayed,
        long? after,
        int? limit,
        [AsParameters] BrandServices services)
    {
        var count = limit ?? 100;
        if (count is < 1 or > MaxPageSize)
        {
            return ApiProblems.Validation("limit", $"The limit {count} is out of range. Use 1 to {MaxPageSize}.");
        }

        if (after is < 0)
        {
            return ApiProblems.Validation("after", "after must be 0 or the nextAfter of the previous page.");
        }

        var events = await services.Integration(brandId)
            .ListRejectedEventsAsync(includeReplayed ?? false, after ?? 0, count);
        var nextAfter = events.Count == count ? events[^1].DeadLetterId : (long?)null;
        return TypedResults.Ok(new RejectedEventPage([.. events.Select(RejectedEventResponse.From)], nextAfter));
    }

    internal static async Task<Results<Accepted<RunStartedResponse>, ValidationProblem, ProblemHttpResult>>
        ReplayAsync(
            string brandId,
            ReplayRequest? body,
            ClaimsPrincipal user,
            [AsParameters] BrandServices services)
    {
        var ids = body?.DeadLetterIds ?? [];
        if (ids.Count > MaxReplayIds || ids.Any(id => id < 1))
        {
            return ApiProblems.Validation(
                "deadLetterIds",
                $"Give at most {MaxReplayIds} dead-letter ids from the list of rejected events, each at least 1, "
                + "or none to replay every pending event.");
        }

        var integration = services.Integration(brandId);
        if ((await integration.GetStatusAsync()).State == ConnectionState.NotConnected)
        {
            return ApiProblems.NotConnected(brandId);
        }

        var result = await integration.ReplayRejectedEventsAsync([.. ids.Distinct()]);
        var scope = ids.Count == 0 ? "every pending event" : $"{ids.Count} events";
        await services.Audit.RecordAsync(
            brandId,
            user,
            AuditActions.Replay,
            result.Started,
            $"Replay of {scope}: {result.Message}");
        await services.Alerts.TryObserveAsync(await integration.GetStatusAsync());
        return RunResults.Accepted(brandId, result) is { } accepted
            ? accepted
            : ApiProblems.Conflict(result.Message, result.RunId);
    }
}
