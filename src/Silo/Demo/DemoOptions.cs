using System.Globalization;

namespace MixpanelSync.Silo.Demo;

/// <summary>The command line of <c>demo</c>. Arguments it does not know go to the host's configuration.</summary>
internal sealed record DemoOptions
{
    /// <summary>The HTTP port tried first. When it is taken, a free port is used.</summary>
    public const int DefaultPort = 5080;

    public const string Usage = """
        Usage: dotnet run --project src/Silo -- demo [options] [--Section:Key=value ...]

        Starts the service in embedded mode with a Mixpanel emulator in the same process, syncs the sample
        data in samples/ to it and serves the API, the dashboard and the pushed events until Ctrl+C.

        Options:
          --port <port>      HTTP port of the service on 127.0.0.1 (default 5080, or a free port when 5080 is
                             taken; 0 always picks a free port).
          --samples <dir>    The sample data folder (default: the samples/ folder found above the current
                             directory or the program).
          --exit             Stop after the summary and the check instead of serving until Ctrl+C.
          --keep-data        Keep the temporary data folder on exit.
          --help             Show this text.

        Other --Section:Key=value arguments set configuration, such as
        --Logging:LogLevel:Default=Information to see the service's logs.

        Exit codes: 0 the counts match, 1 they do not or a run failed, 2 invalid arguments or missing
        sample data, 130 stopped by Ctrl+C before the summary.
        """;

    /// <summary>The HTTP port; 0 for a free one, <see langword="null"/> for 5080 unless taken.</summary>
    public int? Port { get; init; }

    public string? SamplesDirectory { get; init; }

    public bool ExitAfterCheck { get; init; }

    public bool KeepData { get; init; }

    public bool ShowHelp { get; init; }

    /// <summary>The arguments left for the host's configuration.</summary>
    public IReadOnlyList<string> HostArguments { get; init; } = [];

    /// <summary>Parses the arguments after <c>demo</c>.</summary>
    /// <exception cref="FormatException">An option is missing its value or has an invalid one.</exception>
    public static DemoOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new DemoOptions();
        var hostArguments = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = Split(args[i]);
            switch (name)
            {
                case "--port":
                    options = options with { Port = ParsePort(ValueOf(name, inlineValue, args, ref i)) };
                    break;
                case "--samples":
                    options = options with { SamplesDirectory = ValueOf(name, inlineValue, args, ref i) };
                    break;
                case "--exit":
                    options = options with { ExitAfterCheck = true };
                    break;
                case "--keep-data":
                    options = options with { KeepData = true };
                    break;
                case "--help" or "-h" or "-?":
                    options = options with { ShowHelp = true };
                    break;
                default:
                    hostArguments.Add(args[i]);
                    break;
            }
        }

        return options with { HostArguments = hostArguments };
    }

    private static (string Name, string? InlineValue) Split(string argument)
    {
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        return argument.StartsWith("--", StringComparison.Ordinal) && equals > 0
            ? (argument[..equals], argument[(equals + 1)..])
            : (argument, null);
    }

    private static string ValueOf(string name, string? inlineValue, IReadOnlyList<string> args, ref int index)
    {
        if (inlineValue is not null)
        {
            return inlineValue;
        }

        if (index + 1 >= args.Count || args[index + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new FormatException($"{name} needs a value, such as {name} {Example(name)}.");
        }

        return args[++index];
    }

    private static int ParsePort(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535
            ? port
            : throw new FormatException($"--port '{text}' is not a port number. Use 0 to 65535, such as 5080.");

    private static string Example(string name) => name == "--port" ? "5080" : "samples";
}
