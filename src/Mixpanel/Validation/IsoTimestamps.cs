using System.Globalization;

namespace MixpanelSync.Mixpanel;

/// <summary>Parses ISO-8601 date-time strings that carry a UTC offset.</summary>
internal static class IsoTimestamps
{
    /// <summary>
    /// Parses text such as <c>2024-03-09T14:05:00+00:00</c> or <c>2024-03-09T14:05:00.5Z</c> to epoch
    /// milliseconds. A date or date-time without an offset is rejected as ambiguous.
    /// </summary>
    public static ValidationCode? TryParse(ReadOnlySpan<char> text, out long milliseconds, out string? message)
    {
        milliseconds = 0;
        message = null;
        if (!HasIsoDate(text))
        {
            message = $"'time' value '{Shorten(text)}' is not a number or an ISO-8601 date and time.";
            return ValidationCode.TimeUnparseable;
        }

        if (text.Length == 10 || !HasOffset(text))
        {
            message = $"'time' value '{Shorten(text)}' has no UTC offset, so its instant is ambiguous.";
            return ValidationCode.TimeAmbiguous;
        }

        const DateTimeStyles Styles = DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AdjustToUniversal;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, Styles, out var instant))
        {
            message = $"'time' value '{Shorten(text)}' is not a valid ISO-8601 date and time.";
            return ValidationCode.TimeUnparseable;
        }

        var ticks = instant.UtcTicks - DateTime.UnixEpoch.Ticks;
        milliseconds = (ticks + (TimeSpan.TicksPerMillisecond / 2)) / TimeSpan.TicksPerMillisecond;
        return null;
    }

    private static bool HasIsoDate(ReadOnlySpan<char> text) =>
        text.Length >= 10
        && char.IsAsciiDigit(text[0]) && char.IsAsciiDigit(text[1])
        && char.IsAsciiDigit(text[2]) && char.IsAsciiDigit(text[3])
        && text[4] == '-' && char.IsAsciiDigit(text[5]) && char.IsAsciiDigit(text[6])
        && text[7] == '-' && char.IsAsciiDigit(text[8]) && char.IsAsciiDigit(text[9])
        && (text.Length == 10 || text[10] is 'T' or 't' or ' ');

    // The offset follows the time of day: "Z", "+hh", "+hhmm" or "+hh:mm" (or '-').
    private static bool HasOffset(ReadOnlySpan<char> text)
    {
        var time = text[11..];
        if (time.Length > 0 && time[^1] is 'Z' or 'z')
        {
            return true;
        }

        var sign = time.LastIndexOfAny('+', '-');
        if (sign < 0)
        {
            return false;
        }

        var offset = time[(sign + 1)..];
        return offset.Length switch
        {
            2 => char.IsAsciiDigit(offset[0]) && char.IsAsciiDigit(offset[1]),
            4 => !offset.ContainsAnyExceptInRange('0', '9'),
            5 => offset[2] == ':' && !offset[..2].ContainsAnyExceptInRange('0', '9')
                && !offset[3..].ContainsAnyExceptInRange('0', '9'),
            _ => false,
        };
    }

    private static string Shorten(ReadOnlySpan<char> text) =>
        text.Length <= 40 ? new string(text) : string.Concat(text[..40], "...");
}
