using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using MixpanelSync.Api.Authentication;
using MixpanelSync.Api.Http;

namespace MixpanelSync.Api.Authorization;

/// <summary>
/// Responds 404 instead of 403 when a brand key requests another brand, so that the response does not reveal if
/// that brand exists. Every other outcome goes to the default handler.
/// </summary>
internal sealed class ApiAuthorizationResultHandler(IProblemDetailsService problemDetails)
    : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(
        RequestDelegate next,
        HttpContext context,
        AuthorizationPolicy policy,
        PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden
            && context.User.GetBrandId() is { } ownBrand
            && BrandAccessHandler.RouteBrandOf(context) is { } requestedBrand
            && !string.Equals(ownBrand, requestedBrand, StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await problemDetails.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = ApiProblems.BrandNotFound(requestedBrand),
            });
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
