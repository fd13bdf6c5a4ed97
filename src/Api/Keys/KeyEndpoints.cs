using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MixpanelSync.Api.Audit;
using MixpanelSync.Api.Authentication;
using MixpanelSync.Api.Http;

namespace MixpanelSync.Api.Keys;

/// <summary>
/// Operator endpoints that manage brand keys, under <c>/api/v1/brands/{brandId}/keys</c>: create, list (masked)
/// and revoke.
/// </summary>
public static class KeyEndpoints
{
    /// <summary>Maps the key endpoints.</summary>
    public static RouteGroupBuilder MapKeys(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapOperatorBrandGroup("/keys", "API keys")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPost("/", CreateAsync)
            .WithName("CreateApiKey")
            .WithSummary("Create a brand key; the response is the only time the key is shown");
        group.MapGet("/", ListAsync)
            .WithName("ListApiKeys")
            .WithSummary("List the brand's keys, masked");
        group.MapDelete("/{keyId}", RevokeAsync)
            .WithName("RevokeApiKey")
            .WithSummary("Revoke a brand key; it stops working at once here and within the cache time on other silos");
        return group;
    }

    internal static async Task<Created<CreatedApiKeyResponse>> CreateAsync(
        string brandId,
        ClaimsPrincipal user,
        TimeProvider time,
        ILogger<KeyLogCategory> logger,
        [AsParameters] BrandServices services)
    {
        var key = ApiKeySecrets.NewBrandKey();
        var info = new ApiKeyInfo(
            ApiKeySecrets.NewKeyId(),
            brandId,
            ApiKeySecrets.Hash(key),
            ApiKeySecrets.SuffixOf(key),
            time.GetUtcNow(),
            RevokedAt: null);
        await services.Grains.GetGrain<IBrandApiKeysGrain>(brandId).AddAsync(info);
        await services.Audit.RecordAsync(
            brandId,
            user,
            AuditActions.CreateKey,
            succeeded: true,
            $"Created key {info.KeyId} ending in {info.Suffix}.");
        Log.KeyCreated(logger, brandId, info.KeyId, info.Suffix);

        return TypedResults.Created(
            $"/api/v1/brands/{brandId}/keys",
            new CreatedApiKeyResponse(info.KeyId, brandId, key, ApiKeySecrets.Mask(info.Suffix), info.CreatedAt));
    }

    internal static async Task<Ok<IReadOnlyList<ApiKeyResponse>>> ListAsync(
        string brandId,
        [AsParameters] BrandServices services)
    {
        var keys = await services.Grains.GetGrain<IBrandApiKeysGrain>(brandId).ListAsync();
        return TypedResults.Ok<IReadOnlyList<ApiKeyResponse>>([.. keys.Select(ApiKeyResponse.From)]);
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        string brandId,
        string keyId,
        ClaimsPrincipal user,
        TimeProvider time,
        BrandKeyResolver resolver,
        ILogger<KeyLogCategory> logger,
        [AsParameters] BrandServices services)
    {
        var revoked = await services.Grains.GetGrain<IBrandApiKeysGrain>(brandId).RevokeAsync(keyId, time.GetUtcNow());
        if (revoked is null)
        {
            return ApiProblems.NotFound(
                $"Brand '{brandId}' has no key '{keyId}'. List the brand's keys to find the key id.");
        }

        resolver.Forget(revoked.KeyHash);
        await services.Audit.RecordAsync(
            brandId,
            user,
            AuditActions.RevokeKey,
            succeeded: true,
            $"Revoked key {revoked.KeyId} ending in {revoked.Suffix}.");
        Log.KeyRevoked(logger, brandId, revoked.KeyId, revoked.Suffix);
        return TypedResults.NoContent();
    }
}
