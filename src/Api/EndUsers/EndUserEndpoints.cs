using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MixpanelSync.Api.Audit;
using MixpanelSync.Api.Http;

namespace MixpanelSync.Api.EndUsers;

/// <summary>
/// The deletion of one end user's data under <c>/api/v1/brands/{brandId}/end-users</c>, for erasure requests.
/// </summary>
public static class EndUserEndpoints
{
    /// <summary>The longest user or device id accepted, as in the event schema.</summary>
    private const int MaxIdLength = 255;

    /// <summary>Maps the end-user endpoints.</summary>
    public static RouteGroupBuilder MapEndUsers(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapBrandGroup("/end-users", "End users");

        group.MapDelete("/", DeleteAsync)
            .WithName("DeleteEndUser")
            .WithSummary("Delete everything stored for one end user, and their Mixpanel profiles")
            .WithDescription(
                "Deletes the stored events and rejected events of the user id, and the anonymous events of the "
                + "devices that user was seen on or of the device id. When the brand is connected, it also sends a "
                + "profile $delete to Mixpanel's /engage for each of the user's distinct_ids. Events already "
                + "pushed to Mixpanel stay there: deleting them takes a deletion request in Mixpanel.");
        return group;
    }

    internal static async Task<Results<Ok<EndUserDeletionResponse>, ValidationProblem>> DeleteAsync(
        string brandId,
        string? userId,
        string? deviceId,
        ClaimsPrincipal user,
        [AsParameters] BrandServices services)
    {
        if (Validate(userId, deviceId) is { } problem)
        {
            return problem;
        }

        var result = await services.Integration(brandId).DeleteEndUserAsync(userId, deviceId);
        var response = EndUserDeletionResponse.From(result);
        await services.Audit.RecordAsync(
            brandId,
            user,
            AuditActions.DeleteEndUser,
            result.ProfilesFailed == 0,
            $"Deleted {result.EventsDeleted} events and {result.DeadLettersDeleted} rejected events of "
            + $"{result.UserIds.Count} user ids and {result.DeviceIds.Count} device ids. {response.Mixpanel.Message}");
        return TypedResults.Ok(response);
    }

    private static ValidationProblem? Validate(string? userId, string? deviceId)
    {
        if (string.IsNullOrWhiteSpace(userId) && string.IsNullOrWhiteSpace(deviceId))
        {
            return ApiProblems.Validation(
                "userId",
                "Give the end user's userId, deviceId or both as query parameters, such as ?userId=u-1013.");
        }

        foreach (var (field, value) in new[] { ("userId", userId), ("deviceId", deviceId) })
        {
            if (value is { Length: > MaxIdLength })
            {
                return ApiProblems.Validation(
                    field,
                    $"The {field} has {value.Length} characters; ids have at most {MaxIdLength}.");
            }
        }

        return null;
    }
}
