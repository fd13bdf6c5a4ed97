using System.Text;

namespace MixpanelSync.MixpanelEmulator;

/// <summary>
/// Responses of /track, /engage and /groups: HTTP 200 with <c>1</c> or <c>0</c>; with verbose=1 the JSON
/// <c>{"status":..,"error":..}</c>; with img=1 a 1x1 GIF; with callback=f a JavaScript call f(...); with
/// redirect=url a 302 to that URL.
/// </summary>
internal sealed class LegacyResponder(HttpContext context, EmulatorRuntime runtime)
{
    // A 1x1 transparent GIF: header, logical screen, two-colour table, transparency extension, image, trailer.
    private static readonly byte[] TransparentGif =
    [
        0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00,
        0xFF, 0xFF, 0xFF, 0x21, 0xF9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00, 0x2C, 0x00, 0x00, 0x00, 0x00,
        0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3B,
    ];

    public ProjectState? Project { get; set; }

    public Task SendAsync(bool success, string? error)
    {
        var query = context.Request.Query;
        if (query["redirect"].ToString() is { Length: > 0 } redirect)
        {
            context.Response.Headers.Location = redirect;
            return ResponseSender.SendAsync(
                context,
                runtime,
                Project,
                StatusCodes.Status302Found,
                ResponseSender.Text,
                []);
        }

        if (query["img"] == "1")
        {
            return ResponseSender.SendAsync(
                context,
                runtime,
                Project,
                StatusCodes.Status200OK,
                "image/gif",
                TransparentGif);
        }

        var body = query["verbose"] == "1"
            ? (success ? ResponseBodies.VerboseSuccess : ResponseBodies.VerboseFailure(error ?? "invalid data"))
            : (success ? ResponseBodies.One : ResponseBodies.Zero);
        var contentType = query["verbose"] == "1" ? ResponseSender.Json : ResponseSender.Text;
        if (query["callback"].ToString() is { Length: > 0 } callback)
        {
            body = Encoding.UTF8.GetBytes($"{callback}({Encoding.UTF8.GetString(body)})");
            contentType = "text/javascript; charset=utf-8";
        }

        return ResponseSender.SendAsync(context, runtime, Project, StatusCodes.Status200OK, contentType, body);
    }

    public Task SendTooLargeAsync() =>
        ResponseSender.SendAsync(
            context,
            runtime,
            Project,
            StatusCodes.Status413PayloadTooLarge,
            ResponseSender.Json,
            ResponseBodies.TooLarge(runtime.Options.MaxRequestBytes));
}
