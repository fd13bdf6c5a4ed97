using Microsoft.Extensions.Options;
using MixpanelSync.Api.Authorization;
using MixpanelSync.Api.Hosting;

namespace MixpanelSync.Api.Http;

/// <summary>The conventions every /api/v1 group applies: authorization, rate limit and request body limit.</summary>
internal static class ApiConventions
{
    /// <summary>The name of the rate limiting policy that counts requests per API key.</summary>
    public const string RateLimitPolicy = "per-api-key";

    /// <summary>Maps a group under <c>/api/v1/brands/{brandId}</c> open to the operator and the brand's keys.</summary>
    public static RouteGroupBuilder MapBrandGroup(this IEndpointRouteBuilder endpoints, string path, string tag) =>
        endpoints.MapApiGroup($"/api/v1/brands/{{brandId}}{path}", tag, ApiPolicies.Brand);

    /// <summary>Maps a group under <c>/api/v1/brands/{brandId}</c> open to the operator only.</summary>
    public static RouteGroupBuilder MapOperatorBrandGroup(
        this IEndpointRouteBuilder endpoints,
        string path,
        string tag) =>
        endpoints.MapApiGroup($"/api/v1/brands/{{brandId}}{path}", tag, ApiPolicies.Operator);

    private static RouteGroupBuilder MapApiGroup(
        this IEndpointRouteBuilder endpoints,
        string prefix,
        string tag,
        string policy)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<ApiOptions>>().Value;
        var group = endpoints.MapGroup(prefix)
            .WithTags(tag)
            .RequireAuthorization(policy)
            .RequireRateLimiting(RateLimitPolicy)
            .AddEndpointFilter<BrandIdFilter>()
            .WithMetadata(new RequestBodyLimit(options.MaxRequestBodyBytes))
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return group;
    }
}
