using System.Globalization;
using System.Text.Json;

namespace MixpanelSync.Events.Schema;

/// <summary>
/// Reads <c>occurred_at</c>: an ISO 8601 timestamp with a UTC offset, or a number of seconds, milliseconds or
/// microseconds since 1970, distinguished by magnitude.
/// </summary>
internal static class OccurredAtParser
{
    private const string Field = "occurred_at";
    private const string Fix =
        "Send an ISO 8601 timestamp with an offset, such as 2026-05-01T10:00:00Z, or epoch milliseconds.";

    // Mixpanel's /import rejects times before 1971-01-01 and more than one hour ahead of its clock.
    private static readonly DateTimeOffset Earliest = new(1971, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan MaxAhead = TimeSpan.FromHours(1);

    public static DateTimeOffset? Parse(JsonElement? value, DateTimeOffset now, EventIssues issues)
    {
        if (value is not { } element || element.ValueKind == JsonValueKind.Null)
        {
            issues.Error(Field, $"occurred_at is missing. {Fix}");
            return null;
        }

        var parsed = element.ValueKind switch
        {
            JsonValueKind.String => ParseText(element.GetString() ?? "", issues),
            JsonValueKind.Number => ParseNumber(element, issues),
            _ => Reject(issues, $"occurred_at must be a timestamp, but is {JsonValues.Describe(element)}. {Fix}"),
        };
        return parsed is { } time ? CheckRange(time, element, now, issues) : null;
    }

    private static DateTimeOffset? ParseText(string text, EventIssues issues)
    {
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return Reject(issues, $"occurred_at {JsonValues.Quote(text)} is not a timestamp. {Fix}");
        }

        // DateTimeOffset.TryParse assumes the local time zone when the text has none; an ISO 8601 offset is
        // 'Z' or ends in +hh:mm or -hh:mm (or +hhmm).
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || HasNumericOffset(text);
        return hasOffset
            ? time
            : Reject(issues,
                $"occurred_at {JsonValues.Quote(text)} has no UTC offset, so the moment it names is ambiguous. " +
                "Add Z for UTC or the offset, such as +02:00.");
    }

    private static bool HasNumericOffset(string text)
    {
        var timeStart = text.IndexOf('T', StringComparison.OrdinalIgnoreCase);
        if (timeStart < 0)
        {
            return false;
        }

        var sign = text.LastIndexOfAny(['+', '-']);
        return sign > timeStart;
    }

    private static DateTimeOffset? ParseNumber(JsonElement element, EventIssues issues)
    {
        var value = element.GetDouble();
        var milliseconds = Math.Abs(value) switch
        {
            >= 1e9 and < 1e10 => value * 1000,
            >= 1e12 and < 1e13 => value,
            >= 1e15 and < 1e16 => value / 1000,
            _ => double.NaN,
        };
        if (double.IsNaN(milliseconds) || milliseconds < 0)
        {
            return Reject(issues,
                $"occurred_at {element.GetRawText()} is not a plausible number of seconds, milliseconds or " +
                $"microseconds since 1970-01-01. {Fix}");
        }

        return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(milliseconds, MidpointRounding.AwayFromZero));
    }

    private static DateTimeOffset? CheckRange(
        DateTimeOffset time,
        JsonElement element,
        DateTimeOffset now,
        EventIssues issues)
    {
        if (time < Earliest)
        {
            return Reject(issues,
                $"occurred_at {JsonValues.Describe(element)} is before 1971-01-01, which Mixpanel rejects. " +
                "Check the unit and send the real time of the event.");
        }

        if (time > now + MaxAhead)
        {
            return Reject(issues,
                $"occurred_at {JsonValues.Describe(element)} is more than 1 hour after the current time " +
                $"{now.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}, which Mixpanel rejects. Check the device clock and " +
                "time zone.");
        }

        return time;
    }

    private static DateTimeOffset? Reject(EventIssues issues, string reason)
    {
        issues.Error(Field, reason);
        return null;
    }
}
