using Microsoft.AspNetCore.Authorization;
using MixpanelSync.Api.Authentication;

namespace MixpanelSync.Api.Authorization;

/// <summary>Grants <see cref="BrandAccessRequirement"/> to the operator and to the route brand's keys.</summary>
internal sealed class BrandAccessHandler : AuthorizationHandler<BrandAccessRequirement>
{
    protected override Task HandleRequirementAsync(
        AuthorizationHandlerContext context,
        BrandAccessRequirement requirement)
    {
        if (context.User.IsOperator())
        {
            context.Succeed(requirement);
        }
        else if (context.Resource is HttpContext http
            && context.User.GetBrandId() is { } brandId
            && string.Equals(RouteBrandOf(http), brandId, StringComparison.Ordinal))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    internal static string? RouteBrandOf(HttpContext http) =>
        http.GetRouteValue(BrandAccessRequirement.RouteValue) as string;
}
