using System.Globalization;

namespace MixpanelSync.MixpanelEmulator;

/// <summary>Writes ingestion responses and counts them for the emulator and the project.</summary>
internal static class ResponseSender
{
    public const string Json = "application/json";
    public const string Text = "text/plain; charset=utf-8";

    public static async Task SendAsync(
        HttpContext context,
        EmulatorRuntime runtime,
        ProjectState? project,
        int statusCode,
        string contentType,
        byte[] body)
    {
        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        runtime.Stats.AddResponse(statusCode, body.Length);
        project?.Stats.AddResponse(statusCode, body.Length);
        await response.Body.WriteAsync(body, context.RequestAborted);
    }

    public static Task SendRateLimitedAsync(
        HttpContext context,
        EmulatorRuntime runtime,
        ProjectState? project,
        bool legacy)
    {
        if (runtime.Options.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = ((long)Math.Ceiling(retryAfter.TotalSeconds))
                .ToString(CultureInfo.InvariantCulture);
        }

        var body = legacy ? ResponseBodies.LegacyRateLimited : ResponseBodies.RateLimited;
        return SendAsync(context, runtime, project, StatusCodes.Status429TooManyRequests, Json, body);
    }
}
