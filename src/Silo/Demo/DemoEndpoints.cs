using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using MixpanelSync.MixpanelEmulator;

namespace MixpanelSync.Silo.Demo;

/// <summary>
/// Pages of the demo mode that show what the emulator stored for each demo brand, by brand id so that no URL
/// carries a project token: <c>GET /demo</c> (HTML) and <c>GET /demo/brands/{brandId}/events</c> (JSON).
/// </summary>
/// <remarks>
/// NOTE: these pages take no key, unlike the API and the dashboard. They exist only in demo mode, list the
/// public sample data and listen on 127.0.0.1.
/// </remarks>
internal static class DemoEndpoints
{
    public const string IndexPath = "/demo";

    private const int DefaultLimit = 100;
    private const int MaxLimit = 10_000;

    public static IEndpointRouteBuilder MapDemoEndpoints(
        this IEndpointRouteBuilder endpoints,
        MixpanelEmulatorHost emulator,
        IReadOnlyList<DemoDataset> datasets)
    {
        endpoints.MapGet(IndexPath, () => TypedResults.Content(RenderIndex(emulator, datasets), "text/html"))
            .ExcludeFromDescription();
        endpoints.MapGet(
                $"{IndexPath}/brands/{{brandId}}/events",
                (string brandId, int? offset, int? limit, string? name) =>
                    GetEvents(emulator, datasets, brandId, offset ?? 0, limit ?? DefaultLimit, name))
            .ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>Returns the path of a brand's events in the emulator's deduplicated view.</summary>
    public static string EventsPath(string brandId) => $"{IndexPath}/brands/{Uri.EscapeDataString(brandId)}/events";

    private static Results<FileContentHttpResult, ProblemHttpResult> GetEvents(
        MixpanelEmulatorHost emulator,
        IReadOnlyList<DemoDataset> datasets,
        string brandId,
        int offset,
        int limit,
        string? name)
    {
        if (datasets.FirstOrDefault(dataset => dataset.BrandId == brandId) is not { } brand)
        {
            var known = string.Join(", ", datasets.Select(dataset => dataset.BrandId));
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                detail: $"'{brandId}' is not a demo brand. Use one of {known}.");
        }

        if (offset < 0 || limit is < 1 or > MaxLimit)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                detail: $"offset {offset} or limit {limit} is out of range. Use an offset of 0 or more and a limit "
                    + $"of 1 to {MaxLimit}.");
        }

        var events = emulator.GetDeduplicatedEvents(brand.ProjectToken)
            .Where(stored => name is null || stored.Name == name)
            .Skip(offset)
            .Take(limit);
        var buffer = new ArrayBufferWriter<byte>();
        buffer.Write("["u8);
        var first = true;
        foreach (var stored in events)
        {
            if (!first)
            {
                buffer.Write(",\n"u8);
            }

            buffer.Write(stored.Json.Span);
            first = false;
        }

        buffer.Write("]"u8);
        return TypedResults.Bytes(buffer.WrittenMemory.ToArray(), "application/json");
    }

    private static string RenderIndex(MixpanelEmulatorHost emulator, IReadOnlyList<DemoDataset> datasets)
    {
        var html = HtmlEncoder.Default;
        var page = new StringBuilder();
        page.Append("<!doctype html><html><head><meta charset=\"utf-8\"><title>Demo: events in the emulator</title>");
        page.Append("<style>body{font-family:sans-serif;margin:2em}td,th{padding:2px 12px;text-align:left}")
            .Append("td.n{text-align:right}</style></head><body>")
            .Append("<h1>Events the demo pushed to the Mixpanel emulator</h1>")
            .Append("<p>The emulator's deduplicated view: the latest copy per event, distinct_id, time and ")
            .Append("$insert_id, as Mixpanel's queries see it. Each link returns JSON; add <code>offset</code>, ")
            .Append("<code>limit</code> (up to ").Append(MaxLimit.ToString(CultureInfo.InvariantCulture))
            .Append(") or <code>name</code> to page or filter.</p>");

        foreach (var dataset in datasets)
        {
            var events = emulator.GetDeduplicatedEvents(dataset.ProjectToken);
            var path = EventsPath(dataset.BrandId);
            page.Append("<h2>").Append(html.Encode(dataset.Title)).Append("</h2><p>Brand <code>")
                .Append(html.Encode(dataset.BrandId)).Append("</code>, residency ")
                .Append(html.Encode(dataset.Residency.ToString().ToLowerInvariant())).Append(", <a href=\"")
                .Append(html.Encode(path)).Append("\">")
                .Append(events.Count.ToString("N0", CultureInfo.InvariantCulture))
                .Append(" events</a></p><table><tr><th>event name</th><th>events</th></tr>");
            var byName = events.GroupBy(stored => stored.Name).OrderBy(group => group.Key, StringComparer.Ordinal);
            foreach (var group in byName)
            {
                var link = $"{path}?name={Uri.EscapeDataString(group.Key)}";
                page.Append("<tr><td><a href=\"").Append(html.Encode(link)).Append("\">")
                    .Append(html.Encode(group.Key)).Append("</a></td><td class=\"n\">")
                    .Append(group.Count().ToString("N0", CultureInfo.InvariantCulture)).Append("</td></tr>");
            }

            page.Append("</table>");
        }

        return page.Append("</body></html>").ToString();
    }
}
