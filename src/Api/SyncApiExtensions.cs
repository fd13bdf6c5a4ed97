using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MixpanelSync.Api.Alerts;
using MixpanelSync.Api.Audit;
using MixpanelSync.Api.Authentication;
using MixpanelSync.Api.Authorization;
using MixpanelSync.Api.Backfill;
using MixpanelSync.Api.EndUsers;
using MixpanelSync.Api.Hosting;
using MixpanelSync.Api.Http;
using MixpanelSync.Api.Ingestion;
using MixpanelSync.Api.Integration;
using MixpanelSync.Api.Keys;
using MixpanelSync.Api.RejectedEvents;
using MixpanelSync.Api.Runs;
using MixpanelSync.Events.Schema;
using Scalar.AspNetCore;

namespace MixpanelSync.Api;

/// <summary>Registration of the REST API (/api/v1), its authentication, the OpenAPI document and its viewer.</summary>
public static class SyncApiExtensions
{
    /// <summary>The path of the interactive API reference.</summary>
    public const string DocsPath = "/api/docs";

    /// <summary>
    /// The route of the OpenAPI document, under <see cref="DocsPath"/> so that one browser login covers both.
    /// </summary>
    public const string OpenApiRoute = "/api/docs/openapi/{documentName}.json";

    /// <summary>
    /// Registers the API's services: options (section <c>Api</c>), API key authentication and policies, problem
    /// details, rate limiting, the audit log, alerts and the OpenAPI document. The host registers Orleans and an
    /// <c>IEventStore</c>.
    /// </summary>
    public static IServiceCollection AddSyncApi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        AddOptions(services, configuration);
        AddAuthentication(services);

        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = ProblemDefaults.Apply);
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        services.AddApiRateLimiting();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new BrandEventParser(provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<AuditLog>();
        services.AddSingleton<AlertMonitor>();
        services.AddHostedService<AlertPoller>();
        services.AddHostedService<AlertSender>();
        services.AddHttpClient(AlertSender.HttpClientName).AddStandardResilienceHandler();

        services.AddOpenApi(openApi =>
        {
            openApi.ShouldInclude = description =>
                description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            openApi.AddDocumentTransformer<OpenApiSecurityTransformer>();
        });
        return services;
    }

    /// <summary>
    /// Adds the API's middleware (problem details for errors, rate limiting) and maps the /api/v1 endpoints, the
    /// settings page, the OpenAPI document and the API reference at <see cref="DocsPath"/>.
    /// </summary>
    public static WebApplication MapSyncApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRateLimiter();

        app.MapIntegration();
        app.MapBackfill();
        app.MapRuns();
        app.MapRejectedEvents();
        app.MapEventIngestion();
        app.MapKeys();
        app.MapAudit();
        app.MapEndUsers();

        // The page's HTML, scripts and styles are public; the page sends the user's key with each API call.
        app.MapSettingsPage().AllowAnonymous();

        app.MapOpenApi(OpenApiRoute).RequireAuthorization(ApiPolicies.AnyKeyBrowser);
        app.MapScalarApiReference(DocsPath, scalar => scalar
                .WithTitle("BCC Mixpanel Sync API")
                .WithOpenApiRoutePattern(OpenApiRoute))
            .RequireAuthorization(ApiPolicies.AnyKeyBrowser);
        return app;
    }

    /// <summary>
    /// Requires the operator key on endpoints opened in a browser, such as the Orleans dashboard or /metrics. The
    /// key is accepted in the API headers or as the HTTP Basic password, so a browser prompts for it.
    /// </summary>
    public static TBuilder RequireOperatorKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(ApiPolicies.OperatorBrowser);

    private static void AddOptions(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiOptions>()
            .Bind(configuration.GetSection(ApiOptions.SectionName))
            .PostConfigure<IHostEnvironment>((options, environment) =>
            {
                // The silo's data directory, resolved against the content root as the silo resolves it.
                var dataDirectory = configuration["Sync:DataDirectory"] ?? "data";
                options.OperatorKeyFile = Path.GetFullPath(
                    options.OperatorKeyFile ?? Path.Combine(dataDirectory, "operator-key"),
                    environment.ContentRootPath);
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiOptions>, ApiOptionsValidator>();
    }

    private static void AddAuthentication(IServiceCollection services)
    {
        services.AddSingleton<OperatorKey>();
        services.AddHostedService<OperatorKeyStartup>();
        services.AddSingleton<BrandKeyResolver>();

        services.AddAuthentication()
            .AddScheme<ApiKeyAuthenticationOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.Scheme, null)
            .AddScheme<ApiKeyAuthenticationOptions, ApiKeyAuthenticationHandler>(
                ApiKeyDefaults.BrowserScheme,
                browser => browser.ChallengeWithBasic = true);

        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicies.Operator, policy => policy
                .AddAuthenticationSchemes(ApiKeyDefaults.Scheme)
                .RequireRole(ApiClaims.OperatorRole))
            .AddPolicy(ApiPolicies.OperatorBrowser, policy => policy
                .AddAuthenticationSchemes(ApiKeyDefaults.BrowserScheme)
                .RequireRole(ApiClaims.OperatorRole))
            .AddPolicy(ApiPolicies.Brand, policy => policy
                .AddAuthenticationSchemes(ApiKeyDefaults.Scheme)
                .RequireAuthenticatedUser()
                .AddRequirements(new BrandAccessRequirement()))
            .AddPolicy(ApiPolicies.AnyKeyBrowser, policy => policy
                .AddAuthenticationSchemes(ApiKeyDefaults.BrowserScheme)
                .RequireAuthenticatedUser());
        services.AddSingleton<IAuthorizationHandler, BrandAccessHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ApiAuthorizationResultHandler>();
    }
}
