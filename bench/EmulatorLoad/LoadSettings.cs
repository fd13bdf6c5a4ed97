using System.Globalization;

namespace MixpanelSync.EmulatorLoad;

/// <summary>Command-line settings of the load generator.</summary>
internal sealed class LoadSettings
{
    public const string Help = """
        Sends gzipped /import batches to a Mixpanel emulator and prints events per second and CPU seconds.

        Usage: dotnet run -c Release --project bench/EmulatorLoad -- [options]

        Options:
          --events <n>        Events to send after warm-up (default 1000000).
          --batch <n>         Events per request (default 2000).
          --concurrency <n>   Requests in flight (default 16).
          --counting-only     Start the in-process emulator in counting-only mode.
          --url <address>     Send to an emulator that is already running, e.g. http://127.0.0.1:7070/.
                              Without it an in-process emulator is started on free loopback ports.
          --token <token>     Project token for --url (default bench-token).
          --help              Print this help.
        """;

    public int Events { get; private set; } = 1_000_000;

    public int BatchSize { get; private set; } = 2000;

    public int Concurrency { get; private set; } = 16;

    public bool CountingOnly { get; private set; }

    public Uri? Url { get; private set; }

    public string Token { get; private set; } = "bench-token";

    public bool ShowHelp { get; private set; }

    public static LoadSettings Parse(string[] args)
    {
        var settings = new LoadSettings();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--events":
                    settings.Events = ParsePositive(args, ref i);
                    break;
                case "--batch":
                    settings.BatchSize = ParsePositive(args, ref i);
                    break;
                case "--concurrency":
                    settings.Concurrency = ParsePositive(args, ref i);
                    break;
                case "--counting-only":
                    settings.CountingOnly = true;
                    break;
                case "--url":
                    settings.Url = new Uri(ValueOf(args, ref i));
                    break;
                case "--token":
                    settings.Token = ValueOf(args, ref i);
                    break;
                case "--help":
                    settings.ShowHelp = true;
                    break;
                default:
                    throw new FormatException($"Unknown option '{args[i]}'. Run with --help for the list of options.");
            }
        }

        return settings;
    }

    private static string ValueOf(string[] args, ref int index)
    {
        if (index + 1 >= args.Length)
        {
            throw new FormatException($"Option '{args[index]}' requires a value.");
        }

        index++;
        return args[index];
    }

    private static int ParsePositive(string[] args, ref int index)
    {
        var name = args[index];
        var value = ValueOf(args, ref index);
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new FormatException($"Invalid value '{value}' for {name}: expected a positive integer.");
    }
}
