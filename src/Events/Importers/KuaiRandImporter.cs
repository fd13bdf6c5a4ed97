using System.Globalization;

namespace MixpanelSync.Events.Importers;

/// <summary>
/// Turns rows of the KuaiRand short-video log (CSV with a header row) into brand events: every row is a
/// <c>video_view</c>, and its flags add a <c>like</c>, <c>share</c>, <c>comment</c> or <c>follow</c> by the same
/// user at the same time.
/// </summary>
/// <remarks>
/// Event ids are <c>kuairand-{user}-{video}-{time_ms}</c> with a suffix per event type, so importing the same
/// rows again gives the same ids. User ids get a <c>kuairand-user-</c> prefix because the log numbers users from
/// 0, which Mixpanel rejects as an id. A <c>duration_ms</c> of 0 means the length is unknown and is left out;
/// <c>play_time_ms</c> can exceed the length because videos loop.
/// </remarks>
public static class KuaiRandImporter
{
    private const string Video = "video";

    /// <summary>Reads the rows one at a time and yields their events.</summary>
    /// <exception cref="FormatException">The header lacks a required column or a row has too few cells.</exception>
    public static IEnumerable<BrandEvent> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = reader.ReadLine() ?? throw new FormatException("The KuaiRand log is empty; it needs a header.");
        var columns = new CsvColumns(header);
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            foreach (var brandEvent in EventsOf(columns.Row(line, lineNumber)))
            {
                yield return brandEvent;
            }
        }
    }

    private static IEnumerable<BrandEvent> EventsOf(CsvRow row)
    {
        var userId = row["user_id"];
        var videoId = row["video_id"];
        var timeMs = row.Int64("time_ms");
        var view = new BrandEvent
        {
            EventId = $"kuairand-{userId}-{videoId}-{timeMs}",
            Type = BrandEventTypes.VideoView,
            OccurredAt = DateTimeOffset.FromUnixTimeMilliseconds(timeMs),
            UserId = $"kuairand-user-{userId}",
            Properties = ViewProperties(row, videoId),
        };
        yield return view;

        if (row.Flag("is_like"))
        {
            yield return Interaction(
                view, "like", BrandEventTypes.Like, ("target_id", videoId), ("target_type", Video));
        }

        if (row.Flag("is_forward"))
        {
            yield return Interaction(
                view, "share", BrandEventTypes.Share, ("target_id", videoId), ("channel", "forward"));
        }

        if (row.Flag("is_comment"))
        {
            yield return Interaction(
                view, "comment", BrandEventTypes.Comment, ("target_id", videoId), ("target_type", Video));
        }

        if (row.Flag("is_follow"))
        {
            yield return Interaction(view, "follow", BrandEventTypes.Follow, ("content_id", videoId));
        }
    }

    private static Dictionary<string, object?> ViewProperties(CsvRow row, string videoId)
    {
        var properties = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["video_id"] = videoId,
            ["watch_time_ms"] = row.Int64("play_time_ms"),
        };
        var duration = row.Int64("duration_ms");
        if (duration > 0)
        {
            properties["duration_ms"] = duration;
        }

        properties["feed_tab"] = row.Int64("tab");
        return properties;
    }

    private static BrandEvent Interaction(
        BrandEvent view,
        string suffix,
        string type,
        params (string Name, object? Value)[] properties) =>
        view with
        {
            EventId = $"{view.EventId}-{suffix}",
            Type = type,
            Properties = properties.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal),
        };

    private sealed class CsvColumns(string header)
    {
        private readonly string[] _names = header.Split(',');

        public CsvRow Row(string line, int lineNumber)
        {
            var cells = line.Split(',');
            return cells.Length >= _names.Length
                ? new CsvRow(_names, cells, lineNumber)
                : throw new FormatException(
                    $"Line {lineNumber} of the KuaiRand log has {cells.Length} cells, but the header has " +
                    $"{_names.Length}.");
        }
    }

    private sealed class CsvRow(string[] names, string[] cells, int lineNumber)
    {
        public string this[string column]
        {
            get
            {
                var index = Array.IndexOf(names, column);
                return index >= 0
                    ? cells[index]
                    : throw new FormatException($"The KuaiRand log has no '{column}' column.");
            }
        }

        public long Int64(string column) =>
            long.TryParse(this[column], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new FormatException(
                    $"Line {lineNumber} of the KuaiRand log has '{this[column]}' in {column}, not a whole number.");

        public bool Flag(string column) => Int64(column) != 0;
    }
}
