using Microsoft.AspNetCore.Authorization;

namespace MixpanelSync.Api.Authorization;

/// <summary>The caller is the operator or holds a brand key of the brand named in the route.</summary>
internal sealed class BrandAccessRequirement : IAuthorizationRequirement
{
    /// <summary>The route value that names the brand.</summary>
    public const string RouteValue = "brandId";
}
