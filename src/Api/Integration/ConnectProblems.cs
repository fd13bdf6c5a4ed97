using Microsoft.AspNetCore.Http.HttpResults;
using MixpanelSync.GrainInterfaces.Integration;

namespace MixpanelSync.Api.Integration;

/// <summary>Maps a failed connect or settings change onto a problem response with the grain's message.</summary>
internal static class ConnectProblems
{
    public static ProblemHttpResult From(ConnectResult result) => result.Failure switch
    {
        ConnectFailure.InvalidCredentials => TypedResults.Problem(
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "Mixpanel rejected the credentials",
            detail: $"projectToken: {result.Message}",
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = new Dictionary<string, string[]> { ["projectToken"] = [result.Message] },
            }),
        ConnectFailure.Unreachable or ConnectFailure.UnexpectedResponse => TypedResults.Problem(
            statusCode: StatusCodes.Status502BadGateway,
            title: "Mixpanel could not check the credentials",
            detail: result.Message),
        ConnectFailure.InvalidState => TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "Conflict",
            detail: result.Message),
        _ => TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "Invalid settings",
            detail: result.Message),
    };
}
