using System.Globalization;

namespace MixpanelSync.Api.Backfill;

/// <summary>Parses and checks the start time of a backfill.</summary>
internal static class BackfillStart
{
    // Mixpanel's /import rejects event times before 1971.
    private static readonly DateTimeOffset Earliest = new(1971, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Returns the start time, or <see langword="null"/> and the reason in <paramref name="error"/>.</summary>
    public static DateTimeOffset? Parse(string? text, DateTimeOffset now, out string error)
    {
        error = string.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "The start time is missing. Give an ISO 8601 date such as 2026-01-01.";
            return null;
        }

        var styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, styles, out var from))
        {
            error = $"The start time '{text}' is not an ISO 8601 date. Use a value such as 2026-01-01 "
                + "or 2026-01-01T00:00:00Z.";
            return null;
        }

        if (from < Earliest || from > now)
        {
            error = $"The start time {from:O} is out of range. Use a time from 1971-01-01 up to now.";
            return null;
        }

        return from;
    }
}
