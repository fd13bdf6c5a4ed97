using Spectre.Console;

namespace MixpanelSync.Cli;

/// <summary>What the commands read and write outside their arguments, so tests can supply their own.</summary>
/// <param name="Out">Tables, progress and results.</param>
/// <param name="Error">Error messages.</param>
/// <param name="GetVariable">Reads an environment variable.</param>
internal sealed record CliEnvironment(IAnsiConsole Out, IAnsiConsole Error, Func<string, string?> GetVariable)
{
    public const string UrlVariable = "MIXPANEL_SYNC_URL";
    public const string KeyVariable = "MIXPANEL_SYNC_KEY";
    public const string ProjectTokenVariable = "MIXPANEL_PROJECT_TOKEN";

    /// <summary>The width of output that goes to a file or pipe, where no terminal wraps lines.</summary>
    public const int RedirectedWidth = 240;

    public static CliEnvironment FromProcess()
    {
        var output = AnsiConsole.Console;
        var error = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        if (Console.IsOutputRedirected)
        {
            output.Profile.Width = RedirectedWidth;
        }

        if (Console.IsErrorRedirected)
        {
            error.Profile.Width = RedirectedWidth;
        }

        return new CliEnvironment(output, error, Environment.GetEnvironmentVariable);
    }
}
