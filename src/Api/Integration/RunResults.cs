using Microsoft.AspNetCore.Http.HttpResults;
using MixpanelSync.GrainInterfaces.Integration;

namespace MixpanelSync.Api.Integration;

/// <summary>Maps the result of a request that starts a run: sync now, backfill or replay.</summary>
internal static class RunResults
{
    /// <summary>Returns a 202 pointing at the run when one started, else <see langword="null"/>.</summary>
    public static Accepted<RunStartedResponse>? Accepted(string brandId, SyncRequestResult result) =>
        result.Started && result.RunId is { } runId
            ? TypedResults.Accepted(
                $"/api/v1/brands/{brandId}/runs/{runId}",
                new RunStartedResponse(runId, result.Message))
            : null;
}
