using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using MixpanelSync.Cli.Api;
using MixpanelSync.Cli.Commands;
using MixpanelSync.Cli.Output;
using Spectre.Console;

namespace MixpanelSync.Cli;

/// <summary>The command tree and its invocation: parse errors, failures and Ctrl+C become exit codes.</summary>
internal static class CliApplication
{
    /// <summary>Parses and runs the command line and returns an exit code from <see cref="ExitCodes"/>.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="environment">The consoles and environment variables to use.</param>
    /// <param name="handleCtrlC">Whether Ctrl+C cancels the command. Only the real process sets it.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    public static async Task<int> RunAsync(
        string[] args,
        CliEnvironment environment,
        bool handleCtrlC = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var root = CreateRootCommand(environment);
        var parseResult = root.Parse(args);
        var output = new ConsoleWriter(environment.Out);
        // Help clears the errors of a command line that requests it, such as missing required options.
        if (parseResult.Errors.Count > 0 && parseResult.Action is not { ClearsParseErrors: true })
        {
            foreach (var error in parseResult.Errors)
            {
                environment.Error.WriteLine(error.Message);
            }

            var command = parseResult.CommandResult.Command;
            var name = command == root ? "" : command.Name + " ";
            environment.Error.WriteLine($"Run '{name}--help' to see the commands and options.");
            return ExitCodes.InvalidUsage;
        }

        var configuration = new InvocationConfiguration
        {
            Output = output,
            Error = new ConsoleWriter(environment.Error),
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = handleCtrlC ? TimeSpan.FromSeconds(5) : null,
        };
        try
        {
            return await parseResult.InvokeAsync(configuration, cancellationToken);
        }
        catch (CliException exception)
        {
            environment.Error.WriteLine(exception.Message);
            return exception.ExitCode;
        }
        catch (ApiProblemException exception)
        {
            var failure = exception.ToCliException();
            environment.Error.WriteLine(failure.Message);
            return failure.ExitCode;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            environment.Error.WriteLine(
                $"Reading the input failed: {exception.Message} Check that the file exists and is readable.");
            return ExitCodes.InvalidUsage;
        }
        catch (OperationCanceledException)
        {
            environment.Error.WriteLine("Stopped by Ctrl+C.");
            return ExitCodes.Interrupted;
        }
    }

    internal static RootCommand CreateRootCommand(CliEnvironment environment)
    {
        var root = new RootCommand(
            "BCC Mixpanel Sync command line: send events to a brand, connect its Mixpanel project, sync and inspect "
            + "runs through the service's REST API, or push a file of Mixpanel events straight to Mixpanel.");
        root.Subcommands.Add(IngestCommand.Create(environment));
        root.Subcommands.Add(ConnectCommand.Create(environment));
        root.Subcommands.Add(SyncCommand.Create(environment));
        root.Subcommands.Add(BackfillCommand.Create(environment));
        root.Subcommands.Add(StatusCommand.Create(environment));
        root.Subcommands.Add(RunsCommand.Create(environment));
        root.Subcommands.Add(RejectedCommand.Create(environment));
        root.Subcommands.Add(PushCommand.Create(environment));

        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new HelpWithExitCodesAction((HelpAction)help.Action!);
        return root;
    }

    /// <summary>Writes the usual help, then the exit codes and environment variables.</summary>
    private sealed class HelpWithExitCodesAction(HelpAction help) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            help.Invoke(parseResult);
            parseResult.InvocationConfiguration.Output.WriteLine(ExitCodes.HelpText);
            return ExitCodes.Success;
        }
    }
}
