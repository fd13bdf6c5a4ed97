using Spectre.Console;

namespace MixpanelSync.Cli.Tests.Support;

/// <summary>Runs the CLI in this process with captured consoles and given environment variables.</summary>
internal static class CliRun
{
    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string> variables, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new CliEnvironment(
            Console(output),
            Console(error),
            name => variables.GetValueOrDefault(name));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var exitCode = await CliApplication.RunAsync(args, environment, cancellationToken: timeout.Token);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    public static Task<CliResult> RunAsync(params string[] args) =>
        RunAsync(new Dictionary<string, string>(), args);

    private static IAnsiConsole Console(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = CliEnvironment.RedirectedWidth;
        return console;
    }
}

/// <summary>The exit code and the text a CLI run wrote to standard output and standard error.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    /// <summary>Returns both outputs, for assertion messages.</summary>
    public override string ToString() => $"exit code {ExitCode}\n--- output:\n{Output}\n--- error:\n{Error}";
}
