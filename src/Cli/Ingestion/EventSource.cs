using System.Runtime.CompilerServices;
using System.Text.Json;
using MixpanelSync.Events;
using MixpanelSync.Events.Importers;

namespace MixpanelSync.Cli.Ingestion;

/// <summary>
/// An input of <c>ingest</c>: brand events as JSON or NDJSON, passed on as written so that the service validates
/// them, or a real log that an importer converts to brand events. Tracks the bytes read for a progress bar.
/// </summary>
internal sealed class EventSource
{
    private const string StackExchangeHost = ".stackexchange.com";
    private static readonly string[] StackExchangeFiles = ["Users.xml", "Badges.xml", "Votes.xml"];

    private readonly IReadOnlyList<string> _files;
    private readonly string _communityId;
    private long _finishedBytes;
    private CountingStream? _current;

    private EventSource(string path, EventFileFormat format, IReadOnlyList<string> files, string communityId)
    {
        Path = path;
        Format = format;
        _files = files;
        _communityId = communityId;
        TotalBytes = files.Sum(file => new FileInfo(file).Length);
    }

    /// <summary>The file or folder given on the command line.</summary>
    public string Path { get; }

    public EventFileFormat Format { get; }

    /// <summary>The Stack Exchange community id that converted events carry.</summary>
    public string CommunityId => _communityId;

    /// <summary>What a record number counts: NDJSON lines, JSON array elements, or converted events.</summary>
    public string RecordName => Format switch
    {
        EventFileFormat.Ndjson => "line",
        EventFileFormat.Json => "element",
        _ => "event",
    };

    public long TotalBytes { get; }

    public long BytesRead => Interlocked.Read(ref _finishedBytes) + (_current?.BytesRead ?? 0);

    /// <summary>Checks the path and picks the format.</summary>
    /// <exception cref="CliException">The path does not exist or its format cannot be determined.</exception>
    public static EventSource Open(string path, EventFileFormat format, string? communityId)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var isDirectory = Directory.Exists(path);
        if (!isDirectory && !File.Exists(path))
        {
            throw CliException.Usage($"The file or folder '{path}' was not found. Check the path.");
        }

        var chosen = format == EventFileFormat.Auto ? Detect(path, isDirectory) : format;
        if (isDirectory && chosen != EventFileFormat.StackExchange)
        {
            throw CliException.Usage(
                $"'{path}' is a folder. Only --format stackexchange reads a folder (Users.xml, Badges.xml and "
                + "Votes.xml). Pass a file for the other formats.");
        }

        var files = chosen == EventFileFormat.StackExchange ? StackExchangeInputs(path, isDirectory) : [path];
        return new EventSource(path, chosen, files, communityId ?? DefaultCommunityId(path));
    }

    /// <summary>Yields the records: raw JSON of brand events, or converted events serialized to JSON.</summary>
    /// <exception cref="CliException">The file does not match its format.</exception>
    public async IAsyncEnumerable<SourceRecord> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long number = 0;
        foreach (var file in _files)
        {
            var stream = new CountingStream(File.OpenRead(file));
            _current = stream;
            await using (stream)
            {
                await foreach (var json in ReadFileAsync(file, stream, cancellationToken))
                {
                    number++;
                    yield return new SourceRecord(number, json);
                }
            }

            Interlocked.Add(ref _finishedBytes, stream.BytesRead);
            _current = null;
        }
    }

    private async IAsyncEnumerable<string> ReadFileAsync(
        string file,
        Stream stream,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        switch (Format)
        {
            case EventFileFormat.Json:
                await foreach (var element in JsonRecords.ReadArrayAsync(file, stream, cancellationToken))
                {
                    yield return element;
                }

                break;
            case EventFileFormat.Ndjson:
                using (var reader = new StreamReader(stream))
                {
                    while (await reader.ReadLineAsync(cancellationToken) is { } line)
                    {
                        // Blank lines stay in the count so that record numbers are line numbers.
                        yield return line;
                    }
                }

                break;
            default:
                foreach (var brandEvent in Convert(file, stream))
                {
                    yield return BrandEventJson.Serialize(brandEvent);
                }

                break;
        }
    }

    private IEnumerable<BrandEvent> Convert(string file, Stream stream)
    {
        var events = Format switch
        {
            EventFileFormat.KuaiRand => KuaiRandImporter.Read(new StreamReader(stream)),
            EventFileFormat.Otto => OttoSessionImporter.Read(new StreamReader(stream)),
            _ => System.IO.Path.GetFileName(file).ToLowerInvariant() switch
            {
                "users.xml" => StackExchangeImporter.ReadUsers(stream, _communityId),
                "badges.xml" => StackExchangeImporter.ReadBadges(stream, _communityId),
                _ => StackExchangeImporter.ReadVotes(stream),
            },
        };
        using var enumerator = events.GetEnumerator();
        while (true)
        {
            try
            {
                if (!enumerator.MoveNext())
                {
                    yield break;
                }
            }
            catch (Exception exception) when (exception is FormatException or System.Xml.XmlException)
            {
                throw CliException.Usage(
                    $"'{file}' is not a valid {Format} file: {exception.Message} Fix the file, or pass the right "
                    + "--format.");
            }

            yield return enumerator.Current;
        }
    }

    private static EventFileFormat Detect(string path, bool isDirectory)
    {
        if (isDirectory)
        {
            return EventFileFormat.StackExchange;
        }

        return System.IO.Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".json" => EventFileFormat.Json,
            ".ndjson" => EventFileFormat.Ndjson,
            ".csv" => EventFileFormat.KuaiRand,
            ".xml" => EventFileFormat.StackExchange,
            ".jsonl" => IsOttoSession(path) ? EventFileFormat.Otto : EventFileFormat.Ndjson,
            var extension => throw CliException.Usage(
                $"The format of '{path}' cannot be determined from its extension '{extension}'. Pass --format with "
                + "json, ndjson, kuairand, otto or stackexchange."),
        };
    }

    /// <summary>Returns whether the first non-blank line is an OTTO session rather than a brand event.</summary>
    private static bool IsOttoSession(string path)
    {
        var line = File.ReadLines(path).FirstOrDefault(text => !string.IsNullOrWhiteSpace(text));
        if (line is null)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("session", out _)
                && root.TryGetProperty("events", out _)
                && !root.TryGetProperty("event_id", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static List<string> StackExchangeInputs(string path, bool isDirectory)
    {
        if (!isDirectory)
        {
            var name = System.IO.Path.GetFileName(path);
            return StackExchangeFiles.Contains(name, StringComparer.OrdinalIgnoreCase)
                ? [path]
                : throw CliException.Usage(
                    $"'{name}' is not a Stack Exchange dump file. Pass Users.xml, Badges.xml, Votes.xml or the "
                    + "folder that holds them.");
        }

        var files = StackExchangeFiles
            .Select(name => System.IO.Path.Combine(path, name))
            .Where(File.Exists)
            .ToList();
        return files.Count > 0
            ? files
            : throw CliException.Usage(
                $"The folder '{path}' holds none of Users.xml, Badges.xml and Votes.xml. Pass a Stack Exchange "
                + "dump folder.");
    }

    /// <summary>
    /// Derives a community id from the dump's folder name: <c>stackexchange-X</c> becomes <c>X.stackexchange.com</c>.
    /// </summary>
    private static string DefaultCommunityId(string path)
    {
        var full = System.IO.Path.GetFullPath(path).TrimEnd(System.IO.Path.DirectorySeparatorChar);
        var folder = Directory.Exists(full) ? full : System.IO.Path.GetDirectoryName(full) ?? full;
        var name = System.IO.Path.GetFileName(folder);
        const string Prefix = "stackexchange-";
        return name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
            ? name[Prefix.Length..] + StackExchangeHost
            : name;
    }
}
