namespace MixpanelSync.MixpanelEmulator;

/// <summary>Reads ingestion request bodies and rejects the ones that cannot be read.</summary>
internal static class IngestionBody
{
    /// <summary>Reads the body and counts its bytes; returns null when the client went away mid-body.</summary>
    public static async Task<RequestBody?> ReadAsync(
        HttpContext context,
        EmulatorRuntime runtime,
        ProjectState? project)
    {
        RequestBody body;
        try
        {
            body = await RequestBodyReader.ReadAsync(
                context.Request,
                runtime.Options.MaxRequestBytes,
                context.RequestAborted);
        }
        catch (Exception exception)
            when (exception is IOException or OperationCanceledException or BadHttpRequestException)
        {
            Log.RequestAborted(runtime.Logger, exception, context.Request.Path.Value ?? string.Empty);
            return null;
        }

        runtime.Stats.AddRequestBytes(body.WireBytes, body.Length);
        project?.Stats.AddRequestBytes(body.WireBytes, body.Length);
        return body;
    }

    /// <summary>Sends 413 or 400 when the body was too large or undecodable, and returns whether it did.</summary>
    public static async Task<bool> RejectUnreadableAsync(RequestBody body, ImportResponder responder)
    {
        switch (body.Status)
        {
            case RequestBodyStatus.TooLarge:
                await responder.TooLargeAsync();
                return true;
            case RequestBodyStatus.InvalidGzip:
                await responder.BadRequestAsync("request body is not valid gzip data");
                return true;
            case RequestBodyStatus.UnsupportedEncoding:
                await responder.BadRequestAsync("unsupported Content-Encoding; send gzip or no encoding");
                return true;
            default:
                return false;
        }
    }
}
