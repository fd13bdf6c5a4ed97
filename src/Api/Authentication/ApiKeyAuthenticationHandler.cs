using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace MixpanelSync.Api.Authentication;

/// <summary>
/// Authenticates the operator key and brand keys (see <see cref="PresentedKey.Read"/> for where they are read),
/// and writes 401 and 403 as problem responses.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<ApiKeyAuthenticationOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    OperatorKey operatorKey,
    BrandKeyResolver brandKeys,
    IProblemDetailsService problemDetails)
    : AuthenticationHandler<ApiKeyAuthenticationOptions>(options, loggerFactory, encoder)
{
    private const string MissingKeyDetail =
        "The request has no API key. Send it as 'Authorization: Bearer <key>' or in the X-Api-Key header.";

    private const string InvalidKeyDetail =
        "The API key is not valid or was revoked. Use the operator key or an active brand key.";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKey.Read(Request);
        if (presented.IsMissing)
        {
            return AuthenticateResult.NoResult();
        }

        if (presented.Key is null)
        {
            Log.MalformedKey(Logger, Request.Method, Request.Path, presented.Error!);
            return AuthenticateResult.Fail(presented.Error!);
        }

        var suffix = ApiKeySecrets.SuffixOf(presented.Key);
        if (operatorKey.Matches(presented.Key))
        {
            return Success(ApiClaims.CreateOperator(Scheme.Name, suffix));
        }

        var brandKey = await brandKeys.FindAsync(presented.Key);
        if (brandKey is null)
        {
            Log.KeyRejected(Logger, suffix, Request.Method, Request.Path);
            return AuthenticateResult.Fail(InvalidKeyDetail);
        }

        return Success(ApiClaims.CreateBrand(Scheme.Name, brandKey.BrandId, brandKey.KeyId, suffix));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers[HeaderNames.WWWAuthenticate] = Options.ChallengeWithBasic
            ? $"Basic realm=\"{ApiKeyDefaults.Realm}\", charset=\"UTF-8\""
            : $"Bearer realm=\"{ApiKeyDefaults.Realm}\"";
        await WriteProblemAsync(
            StatusCodes.Status401Unauthorized,
            "Unauthorized",
            result.Failure?.Message ?? MissingKeyDetail);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await WriteProblemAsync(
            StatusCodes.Status403Forbidden,
            "Forbidden",
            "This endpoint needs the operator key; a brand key cannot call it.");
    }

    private async Task WriteProblemAsync(int status, string title, string detail)
    {
        await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    private AuthenticateResult Success(System.Security.Claims.ClaimsPrincipal principal) =>
        AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
}
