namespace MixpanelSync.MixpanelEmulator;

/// <summary>Log messages of the emulator. Tokens and secrets are passed in masked form only.</summary>
internal static partial class Log
{
    [LoggerMessage(1000, LogLevel.Information, "Mixpanel emulator listening on {Listeners}")]
    public static partial void Started(ILogger logger, string listeners);

    [LoggerMessage(1001, LogLevel.Information, "Mixpanel emulator stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(1002, LogLevel.Information, "Project {Token} added in residency {Residency}")]
    public static partial void ProjectAdded(ILogger logger, string token, EmulatorResidency residency);

    [LoggerMessage(1010, LogLevel.Debug, "{Path} rejected credentials with 401")]
    public static partial void Unauthorized(ILogger logger, string path);

    [LoggerMessage(1011, LogLevel.Debug, "{Path} for project {Token} rejected with {StatusCode}: {Reason}")]
    public static partial void Rejected(ILogger logger, string path, string token, int statusCode, string reason);

    [LoggerMessage(1012, LogLevel.Debug, "{Path} for project {Token} stored {Stored} events, {Failed} failed")]
    public static partial void Ingested(ILogger logger, string path, string token, int stored, int failed);

    [LoggerMessage(1013, LogLevel.Debug, "{Path} for project {Token} arrived on the {Residency} port; dropped")]
    public static partial void WrongResidency(ILogger logger, string path, string token, EmulatorResidency residency);

    [LoggerMessage(1020, LogLevel.Debug, "Injected status {StatusCode} for project {Token}")]
    public static partial void FaultStatusInjected(ILogger logger, int statusCode, string token);

    [LoggerMessage(1021, LogLevel.Debug, "Left {Path} for project {Token} unanswered by fault injection")]
    public static partial void RequestHung(ILogger logger, string path, string token);

    [LoggerMessage(1022, LogLevel.Debug, "Aborted the connection of {Path} for project {Token} after storing")]
    public static partial void ConnectionDropped(ILogger logger, string path, string token);

    [LoggerMessage(1030, LogLevel.Debug, "{Path} ended before the request body was read")]
    public static partial void RequestAborted(ILogger logger, Exception exception, string path);
}
