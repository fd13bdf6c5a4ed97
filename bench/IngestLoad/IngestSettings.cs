using System.Globalization;

namespace MixpanelSync.IngestLoad;

/// <summary>The command-line settings of the ingestion load tool.</summary>
internal sealed record IngestSettings
{
    public const string Help =
        """
        Sends generated brand events to POST /api/v1/brands/{brandId}/events of a running service and reports
        events per second, and the service's CPU seconds and peak RSS when its process id is given.

          --url <url>            the service's base address (default http://127.0.0.1:5080/)
          --key-file <path>      the file with the operator key, such as <DataDirectory>/operator-key (required)
          --brand <id>           the brand to ingest into (default ingest-bench)
          --events <n>           events to send (default 1000000)
          --batch <n>            events per request, as gzipped NDJSON (default 5000)
          --concurrency <n>      requests in flight (default 4)
          --seed <n>             seed of the generated events; the same seed generates the same events (default 1)
          --pid <pid>            the service's process id, for CPU seconds and peak RSS from /proc
        """;

    public Uri Url { get; init; } = new("http://127.0.0.1:5080/");

    public string? KeyFile { get; init; }

    public string Brand { get; init; } = "ingest-bench";

    public int Events { get; init; } = 1_000_000;

    public int BatchSize { get; init; } = 5000;

    public int Concurrency { get; init; } = 4;

    public int Seed { get; init; } = 1;

    public int? ServicePid { get; init; }

    public bool ShowHelp { get; init; }

    /// <exception cref="FormatException">An option is unknown, lacks its value or has an invalid value.</exception>
    public static IngestSettings Parse(string[] args)
    {
        var settings = new IngestSettings();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name is "--help" or "-h")
            {
                return settings with { ShowHelp = true };
            }

            if (i + 1 >= args.Length)
            {
                throw new FormatException($"The option {name} needs a value. Run with --help for the options.");
            }

            var value = args[++i];
            settings = name switch
            {
                "--url" => settings with { Url = ParseUrl(value) },
                "--key-file" => settings with { KeyFile = value },
                "--brand" => settings with { Brand = value },
                "--events" => settings with { Events = ParsePositive(name, value) },
                "--batch" => settings with { BatchSize = ParsePositive(name, value) },
                "--concurrency" => settings with { Concurrency = ParsePositive(name, value) },
                "--seed" => settings with { Seed = ParsePositive(name, value) },
                "--pid" => settings with { ServicePid = ParsePositive(name, value) },
                _ => throw new FormatException($"Unknown option {name}. Run with --help for the options."),
            };
        }

        if (settings.KeyFile is null)
        {
            throw new FormatException("The option --key-file is missing: give the service's operator-key file.");
        }

        return settings;
    }

    private static Uri ParseUrl(string value) =>
        Uri.TryCreate(value.EndsWith('/') ? value : value + "/", UriKind.Absolute, out var url)
            && url.IsLoopback
            ? url
            : throw new FormatException(
                $"The --url '{value}' is not an absolute loopback address, such as http://127.0.0.1:5080/.");

    private static int ParsePositive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new FormatException($"The option {name} takes a whole number above 0, not '{value}'.");
}
