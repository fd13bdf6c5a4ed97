using System.Globalization;

namespace MixpanelSync.MixpanelEmulator;

/// <summary>Parses the command line of the standalone emulator into options.</summary>
internal static class CommandLine
{
    /// <summary>Default first port of the standalone emulator.</summary>
    public const int DefaultBasePort = 7070;

    public const string Help = """
        Mixpanel ingestion emulator: serves /import, /track, /engage and /groups on 127.0.0.1.

        Usage: dotnet run --project tools/MixpanelEmulator -- [options]

        Options:
          --port <port>                First of six consecutive ports (default 7070): HTTP for US, EU and India on
                                       port, port+1, port+2, then HTTPS for US, EU and India on port+3 to port+5.
          --project <token>[,key=value...]
                                       Adds a project; repeat for more. Keys:
                                         residency=us|eu|in           where the project's data is ingested (us)
                                         identity=simplified|original ID merge system (simplified)
                                         project-id=<id>              project id for service-account requests
                                         sa-user=<name>,sa-secret=<secret>  service account (needs project-id)
                                         api-secret=<secret>          deprecated project secret
                                         rate-events=<n>,rate-bytes=<n>     rolling 60-second rate limit
          --max-request-bytes <n>      Uncompressed request cap in bytes (default 10485760).
          --rate-limit-events <n>      Default rolling 60-second event limit per project (default 1800000).
          --rate-limit-bytes <n>       Default rolling 60-second byte limit per project (default 2147483648).
          --retry-after <seconds>      Send Retry-After on 429 responses (default: not sent).
          --wrong-residency <mode>     accept (200 and drop, default) or unauthorized (401 on /import).
          --counting-only              Count events and bytes without validating or storing (benchmarks).
          --cert-out <path>            Write the HTTPS certificate as PEM, for NODE_EXTRA_CA_CERTS.
          --verbose                    Log every request at debug level.
          --help                       Print this help.

        Example:
          dotnet run --project tools/MixpanelEmulator -- --port 7070 --project demo-token,residency=eu
        """;

    /// <summary>Parses the arguments; throws <see cref="FormatException"/> naming the invalid one.</summary>
    public static CommandLineSettings Parse(IReadOnlyList<string> args)
    {
        var settings = new CommandLineSettings();
        settings.Options.BasePort = DefaultBasePort;
        var projects = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            switch (name)
            {
                case "--help" or "-h":
                    settings.ShowHelp = true;
                    break;
                case "--counting-only":
                    settings.Options.CountingOnly = true;
                    break;
                case "--verbose":
                    settings.Verbose = true;
                    break;
                case "--project":
                    projects.Add(ValueOf(args, ref i));
                    break;
                default:
                    ApplyValueOption(settings, name, ValueOf(args, ref i));
                    break;
            }
        }

        foreach (var project in projects)
        {
            settings.Options.Projects.Add(ProjectArgument.Parse(project, settings.Options.RateLimit));
        }

        return settings;
    }

    private static void ApplyValueOption(CommandLineSettings settings, string name, string value)
    {
        var options = settings.Options;
        switch (name)
        {
            case "--port":
                options.BasePort = ParseInt(name, value);
                break;
            case "--max-request-bytes":
                options.MaxRequestBytes = ParseLong(name, value);
                break;
            case "--rate-limit-events":
                options.RateLimit = options.RateLimit with { MaxEvents = ParseLong(name, value) };
                break;
            case "--rate-limit-bytes":
                options.RateLimit = options.RateLimit with { MaxBytes = ParseLong(name, value) };
                break;
            case "--retry-after":
                options.RetryAfter = TimeSpan.FromSeconds(ParseInt(name, value));
                break;
            case "--wrong-residency":
                options.WrongResidency = ParseWrongResidency(value);
                break;
            case "--cert-out":
                settings.CertificatePath = value;
                break;
            default:
                throw new FormatException($"Unknown option '{name}'. Run with --help for the list of options.");
        }
    }

    private static string ValueOf(IReadOnlyList<string> args, ref int index)
    {
        if (index + 1 >= args.Count)
        {
            throw new FormatException($"Option '{args[index]}' requires a value. Run with --help for its syntax.");
        }

        index++;
        return args[index];
    }

    public static int ParseInt(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new FormatException($"Invalid value '{value}' for {name}: expected a non-negative integer.");

    public static long ParseLong(string name, string value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new FormatException($"Invalid value '{value}' for {name}: expected a non-negative integer.");

    private static WrongResidencyBehavior ParseWrongResidency(string value) => value switch
    {
        "accept" => WrongResidencyBehavior.AcceptAndDrop,
        "unauthorized" => WrongResidencyBehavior.Unauthorized,
        _ => throw new FormatException(
            $"Invalid value '{value}' for --wrong-residency: expected 'accept' or 'unauthorized'."),
    };
}
