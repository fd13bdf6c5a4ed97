namespace MixpanelSync.MixpanelEmulator;

/// <summary>Applies a project's injected latency, hang or failure status before a request is processed.</summary>
internal static class FaultGate
{
    /// <summary>Returns true when the request should be processed, false when a fault has dealt with it.</summary>
    public static async Task<bool> PassAsync(
        HttpContext context,
        EmulatorRuntime runtime,
        ProjectState project,
        bool legacyBodies)
    {
        var fault = project.Faults.TakeRequestFault();
        if (fault.Latency > TimeSpan.Zero)
        {
            await Task.Delay(fault.Latency, context.RequestAborted);
        }

        if (fault.Hang)
        {
            await HangAsync(context, runtime, project);
            return false;
        }

        if (fault.StatusCode is not { } statusCode)
        {
            return true;
        }

        Log.FaultStatusInjected(runtime.Logger, statusCode, TokenMask.Mask(project.Project.Token));
        if (statusCode == StatusCodes.Status429TooManyRequests)
        {
            await ResponseSender.SendRateLimitedAsync(context, runtime, project, legacyBodies);
            return false;
        }

        var reason = ReasonPhrases.Get(statusCode);
        var body = ResponseBodies.ServerError(statusCode, reason);
        await ResponseSender.SendAsync(context, runtime, project, statusCode, "text/html; charset=utf-8", body);
        return false;
    }

    /// <summary>Aborts the connection without a response, so the client sees a reset.</summary>
    public static void DropConnection(HttpContext context, EmulatorRuntime runtime, ProjectState project)
    {
        runtime.Stats.AddConnectionDropped();
        project.Stats.AddConnectionDropped();
        Log.ConnectionDropped(runtime.Logger, context.Request.Path, TokenMask.Mask(project.Project.Token));
        context.Abort();
    }

    private static async Task HangAsync(HttpContext context, EmulatorRuntime runtime, ProjectState project)
    {
        runtime.Stats.AddRequestHung();
        project.Stats.AddRequestHung();
        Log.RequestHung(runtime.Logger, context.Request.Path, TokenMask.Mask(project.Project.Token));
        using var hang = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, runtime.Stopping);
        try
        {
            await Task.Delay(Timeout.Infinite, hang.Token);
        }
        catch (OperationCanceledException)
        {
            // The client gave up or the emulator is stopping; either way the request ends without a response.
        }

        context.Abort();
    }
}
