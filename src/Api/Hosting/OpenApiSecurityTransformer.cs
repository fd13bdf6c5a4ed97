using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MixpanelSync.Api.Hosting;

/// <summary>Declares the API key (<c>Authorization: Bearer</c>) in the OpenAPI document for every operation.</summary>
internal sealed class OpenApiSecurityTransformer : IOpenApiDocumentTransformer
{
    private const string SchemeName = "apiKey";

    public Task TransformAsync(
        OpenApiDocument document,
        OpenApiDocumentTransformerContext context,
        CancellationToken cancellationToken)
    {
        document.Info.Title = "BCC Mixpanel Sync API";
        document.Info.Description =
            "Connects brands' Mixpanel projects, receives brand events and reports sync runs. Every endpoint needs "
            + "an API key as 'Authorization: Bearer <key>' or in the X-Api-Key header: the operator key, or a "
            + "brand key that acts on its own brand only.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The operator key or a brand key.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(SchemeName, document)] = [],
        });
        return Task.CompletedTask;
    }
}
