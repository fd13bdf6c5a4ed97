using System.Text.RegularExpressions;
using MixpanelSync.Api.Alerts;

namespace MixpanelSync.Api.Http;

/// <summary>
/// Rejects invalid brand ids in the route with a 400 naming <c>brandId</c>, and marks valid brands as active for
/// the alert poller.
/// </summary>
internal sealed partial class BrandIdFilter(AlertMonitor alerts) : IEndpointFilter
{
    /// <summary>The longest brand id accepted.</summary>
    public const int MaxLength = 100;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var brandId = context.HttpContext.GetRouteValue("brandId") as string;
        if (brandId is null || !BrandIdPattern().IsMatch(brandId))
        {
            return ApiProblems.Validation(
                "brandId",
                $"The brand id '{brandId}' is invalid: use 1 to {MaxLength} letters, digits, '-', '_' or '.'.");
        }

        alerts.Watch(brandId);
        return await next(context);
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,100}$", RegexOptions.CultureInvariant)]
    private static partial Regex BrandIdPattern();
}
