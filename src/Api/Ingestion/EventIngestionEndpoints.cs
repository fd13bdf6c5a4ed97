using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using MixpanelSync.Api.Hosting;
using MixpanelSync.Api.Http;
using MixpanelSync.Events.Schema;
using MixpanelSync.Events.Storage;

namespace MixpanelSync.Api.Ingestion;

/// <summary>
/// The endpoint that receives brand events, <c>POST /api/v1/brands/{brandId}/events</c>. Each event is validated
/// against the schema on its own: valid events are stored even when others of the same request are rejected, and
/// an event id the brand already sent is counted as a duplicate and not stored again.
/// </summary>
public static class EventIngestionEndpoints
{
    /// <summary>Maps the ingestion endpoint.</summary>
    public static RouteGroupBuilder MapEventIngestion(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<ApiOptions>>().Value;
        var group = endpoints.MapBrandGroup("/events", "Events");

        group.MapPost("/", IngestAsync)
            .WithName("IngestEvents")
            .WithSummary("Send brand events as a JSON array or NDJSON, optionally gzip-compressed")
            .WithDescription(
                $"The body is at most {options.MaxIngestionBodyBytes} bytes uncompressed (413 beyond it). "
                + "Content-Type application/json takes an array of events or {\"events\": [...]}; "
                + "application/x-ndjson takes one event a line. Content-Encoding: gzip is accepted. "
                + "The response counts the accepted and duplicate events and lists each rejected event with its "
                + "index, field and reason.")
            .Accepts<IReadOnlyList<object>>("application/json", "application/x-ndjson")
            .WithMetadata(new RequestBodyLimit(options.MaxIngestionBodyBytes))
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return group;
    }

    internal static async Task<Results<Ok<IngestionResponse>, ValidationProblem, ProblemHttpResult>> IngestAsync(
        string brandId,
        HttpRequest request,
        BrandEventParser parser,
        IEventStore store,
        IOptions<ApiOptions> options,
        ILogger<IngestionLogCategory> logger,
        CancellationToken cancellationToken)
    {
        var maxBytes = options.Value.MaxIngestionBodyBytes;
        var (body, problem) = await IngestionBody.ReadAsync(request, maxBytes, cancellationToken);
        if (body is null)
        {
            Log.BodyRefused(logger, brandId, problem!.StatusCode);
            return problem;
        }

        BrandEventParseResult parsed;
        using (body)
        {
            parsed = Parse(parser, body);
        }

        if (parsed.Errors.FirstOrDefault(error => error.Index < 0) is { } unreadable)
        {
            return ApiProblems.Validation("body", unreadable.Reason);
        }

        if (parsed.Count == 0)
        {
            return ApiProblems.Validation("body", "The body holds no events. Send at least one event object.");
        }

        var stored = parsed.Events.Count == 0
            ? new AppendResult(0, 0)
            : await store.AppendAsync(brandId, parsed.Events, cancellationToken);
        Log.EventsIngested(logger, brandId, parsed.Count, stored.Accepted, stored.Duplicates, parsed.RejectedCount);
        return TypedResults.Ok(ToResponse(parsed, stored));
    }

    private static BrandEventParseResult Parse(BrandEventParser parser, IngestionBody body)
    {
        // NDJSON is parsed line by line from the bytes, which saves decoding the body to a string and encoding
        // each line back to UTF-8 for the JSON reader.
        if (body.Format == IngestionFormat.Ndjson)
        {
            return parser.ParseNdjson(body.Content);
        }

        var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)
            .GetString(body.Content.Span)
            .TrimStart('\uFEFF');
        return parser.ParseBatch(text);
    }

    private static IngestionResponse ToResponse(BrandEventParseResult parsed, AppendResult stored)
    {
        var rejected = parsed.Errors
            .GroupBy(error => error.Index)
            .OrderBy(group => group.Key)
            .Select(group => new RejectedEventReport(
                group.Key,
                group.Select(error => error.EventId).FirstOrDefault(id => id is not null),
                [.. group.Select(error => new FieldIssue(error.Field, error.Reason))]))
            .ToList();
        var warnings = parsed.Warnings
            .Select(warning => new EventIssueResponse(warning.Index, warning.EventId, warning.Field, warning.Reason))
            .ToList();
        return new IngestionResponse(
            parsed.Count,
            stored.Accepted,
            stored.Duplicates,
            rejected.Count,
            rejected,
            warnings);
    }
}
