namespace MixpanelSync.Cli;

/// <summary>A failure to report as one message and an exit code from <see cref="ExitCodes"/>.</summary>
internal sealed class CliException(int exitCode, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public int ExitCode { get; } = exitCode;

    public static CliException Usage(string message) => new(ExitCodes.InvalidUsage, message);
}
