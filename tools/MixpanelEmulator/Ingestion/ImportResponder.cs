namespace MixpanelSync.MixpanelEmulator;

/// <summary>
/// Responses of /import in strict mode (JSON with code and status) and in legacy mode (<c>1</c>/<c>0</c>, or
/// <c>{"status":..,"error":..}</c> with verbose=1).
/// </summary>
internal sealed class ImportResponder(HttpContext context, EmulatorRuntime runtime, ImportMode mode)
{
    /// <summary>Response mode of the request. It changes when a body labelled as a form turns out to be JSON.</summary>
    public ImportMode Mode { get; set; } = mode;

    public ProjectState? Project { get; set; }

    public Task UnauthorizedAsync()
    {
        Log.Unauthorized(runtime.Logger, context.Request.Path.Value ?? string.Empty);
        return SendAsync(StatusCodes.Status401Unauthorized, ResponseSender.Json, ResponseBodies.Unauthorized);
    }

    public Task TooLargeAsync()
    {
        var max = runtime.Options.MaxRequestBytes;
        LogRejected(StatusCodes.Status413PayloadTooLarge, "request body too large");
        return SendAsync(StatusCodes.Status413PayloadTooLarge, ResponseSender.Json, ResponseBodies.TooLarge(max));
    }

    public Task RateLimitedAsync()
    {
        LogRejected(StatusCodes.Status429TooManyRequests, "rate limit exceeded");
        return ResponseSender.SendRateLimitedAsync(context, runtime, Project, legacy: !Mode.Strict);
    }

    /// <summary>Rejects the whole request: 400 in strict mode, 200 with a 0 status in legacy mode.</summary>
    /// <remarks>
    /// NOTE: Mixpanel documents no legacy-mode response to an unreadable body, so 200 with <c>0</c> follows /track.
    /// </remarks>
    public Task BadRequestAsync(string error)
    {
        LogRejected(StatusCodes.Status400BadRequest, error);
        if (Mode.Strict)
        {
            return SendAsync(StatusCodes.Status400BadRequest, ResponseSender.Json, ResponseBodies.BadRequest(error));
        }

        return LegacyAsync(success: false, error);
    }

    public Task AcceptedAsync(int imported)
    {
        if (Mode.Strict)
        {
            return SendAsync(StatusCodes.Status200OK, ResponseSender.Json, ResponseBodies.Success(imported));
        }

        return LegacyAsync(success: imported > 0, "no valid events in the request");
    }

    public Task BatchAsync(EventBatch batch)
    {
        if (!Mode.Strict)
        {
            var firstError = batch.Failed.Count > 0 ? batch.Failed[0].Message : "no valid events in the request";
            return LegacyAsync(batch.Imported > 0, firstError);
        }

        if (batch.Failed.Count == 0)
        {
            return SendAsync(StatusCodes.Status200OK, ResponseSender.Json, ResponseBodies.Success(batch.Imported));
        }

        var body = ResponseBodies.PartialFailure(batch.Imported, batch.Failed);
        return SendAsync(StatusCodes.Status400BadRequest, ResponseSender.Json, body);
    }

    private Task LegacyAsync(bool success, string error)
    {
        if (Mode.Verbose)
        {
            var body = success ? ResponseBodies.VerboseSuccess : ResponseBodies.VerboseFailure(error);
            return SendAsync(StatusCodes.Status200OK, ResponseSender.Json, body);
        }

        return SendAsync(
            StatusCodes.Status200OK,
            ResponseSender.Text,
            success ? ResponseBodies.One : ResponseBodies.Zero);
    }

    private Task SendAsync(int statusCode, string contentType, byte[] body) =>
        ResponseSender.SendAsync(context, runtime, Project, statusCode, contentType, body);

    private void LogRejected(int statusCode, string reason) =>
        Log.Rejected(
            runtime.Logger,
            context.Request.Path.Value ?? string.Empty,
            TokenMask.Mask(Project?.Project.Token),
            statusCode,
            reason);
}
