namespace MixpanelSync.Api.Http;

/// <summary>
/// Fills in the detail of problem responses that ASP.NET Core writes without one, such as routing's 404, 405 and
/// 415, so that every error says what to change.
/// </summary>
internal static class ProblemDefaults
{
    public static void Apply(ProblemDetailsContext context)
    {
        if (context.ProblemDetails.Detail is not null)
        {
            return;
        }

        var request = context.HttpContext.Request;
        context.ProblemDetails.Detail = context.ProblemDetails.Status switch
        {
            StatusCodes.Status404NotFound =>
                $"No endpoint matches {request.Method} {request.Path}. Check the URL against the API reference at "
                + $"{SyncApiExtensions.DocsPath}.",
            StatusCodes.Status405MethodNotAllowed =>
                $"{request.Method} is not allowed on {request.Path}. Check the method against the API reference at "
                + $"{SyncApiExtensions.DocsPath}.",
            StatusCodes.Status415UnsupportedMediaType =>
                $"The Content-Type '{request.ContentType}' is not supported on {request.Path}. Send "
                + "application/json, or application/x-ndjson for events.",
            StatusCodes.Status500InternalServerError =>
                "The request failed on the server. Try again later; if it keeps failing, report the time and "
                + "the brand id to the operator.",
            _ => null,
        };
    }
}
