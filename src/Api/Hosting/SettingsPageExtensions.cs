using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace MixpanelSync.Api.Hosting;

/// <summary>
/// Serves the brand-facing page Settings &gt; Data Sources &gt; Mixpanel at <see cref="PagePath"/>. Its HTML, CSS
/// and JavaScript modules are embedded in this assembly from <c>wwwroot/settings/mixpanel</c>. The page itself
/// needs no key: it calls the /api/v1 endpoints with the brand key that the user enters.
/// </summary>
public static class SettingsPageExtensions
{
    /// <summary>The path of the settings page.</summary>
    public const string PagePath = "/settings/mixpanel";

    private const string ResourcePrefix = "MixpanelSync.Api.wwwroot.settings.mixpanel";

    // Only the page's own files may run or style it, and it may call only this origin, so markup injected
    // through API data cannot execute. The page sets all text through textContent.
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static readonly EmbeddedFileProvider Files = new(typeof(SettingsPageExtensions).Assembly, ResourcePrefix);
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    /// <summary>
    /// Maps <c>GET /settings/mixpanel/</c> (the page) and <c>GET /settings/mixpanel/{file}</c> (its scripts and
    /// styles). The endpoints are left out of the OpenAPI document.
    /// </summary>
    public static RouteGroupBuilder MapSettingsPage(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup(PagePath).ExcludeFromDescription();
        group.MapGet("/", ServePage).WithName("SettingsPage");
        group.MapGet("/{file}", ServeFile).WithName("SettingsPageFile");
        return group;
    }

    private static IResult ServePage(HttpContext context)
    {
        // The page links its files relative to itself, which needs the trailing slash.
        var request = context.Request;
        return request.Path.Value?.EndsWith('/') == true
            ? Serve(context, "index.html")
            : Results.Redirect($"{request.PathBase}{PagePath}/{request.QueryString}");
    }

    private static IResult ServeFile(HttpContext context, string file) => Serve(context, file);

    private static IResult Serve(HttpContext context, string name)
    {
        var file = Files.GetFileInfo(name);
        if (!file.Exists || !ContentTypes.TryGetContentType(name, out var contentType))
        {
            return TypedResults.NotFound();
        }

        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";

        // Browsers revalidate on every load, so a new build of the page is picked up at once.
        headers.CacheControl = "no-cache";
        var entityTag = new EntityTagHeaderValue($"\"{file.LastModified.UtcTicks:x}-{file.Length:x}\"");
        return TypedResults.Stream(
            file.CreateReadStream(),
            contentType,
            lastModified: file.LastModified,
            entityTag: entityTag);
    }
}
