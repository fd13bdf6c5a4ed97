using System.Globalization;
using System.Text.Json;

namespace MixpanelSync.Mixpanel;

/// <summary>
/// Normalises an event's <c>time</c> value to integer Unix epoch milliseconds.
/// </summary>
/// <remarks>
/// Numbers carry no unit, so the unit is read from the magnitude: [1e9, 1e10) is seconds, [1e12, 1e13) is
/// milliseconds and [1e15, 1e16) is microseconds, which covers 2001-09-09 to 2286-11-20 in each unit. Numbers
/// outside these bands are rejected rather than guessed; sources with older times must pass a
/// <see cref="DateTimeOffset"/>. Fractions are rounded to the nearest millisecond.
/// </remarks>
internal static class EventTime
{
    private const double SecondsLow = 1e9;
    private const double SecondsHigh = 1e10;
    private const double MillisecondsLow = 1e12;
    private const double MillisecondsHigh = 1e13;
    private const double MicrosecondsLow = 1e15;
    private const double MicrosecondsHigh = 1e16;

    /// <summary>
    /// Converts the value to epoch milliseconds, or returns the reason it cannot be converted and a message.
    /// </summary>
    public static ValidationCode? TryNormalize(object? value, out long milliseconds, out string? message)
    {
        milliseconds = 0;
        message = null;
        switch (value)
        {
            case null:
                message = "The event has no 'time'.";
                return ValidationCode.TimeMissing;
            case long number:
                return FromInteger(number, out milliseconds, out message);
            case int number:
                return FromInteger(number, out milliseconds, out message);
            case uint number:
                return FromInteger(number, out milliseconds, out message);
            case ulong number:
                return number > long.MaxValue
                    ? OutOfBand(number, out message)
                    : FromInteger((long)number, out milliseconds, out message);
            case double number:
                return FromDouble(number, out milliseconds, out message);
            case float number:
                return FromDouble(number, out milliseconds, out message);
            case decimal number:
                return FromDouble((double)number, out milliseconds, out message);
            case DateTimeOffset instant:
                milliseconds = ToMilliseconds(instant.UtcTicks);
                return null;
            case DateTime dateTime:
                return FromDateTime(dateTime, out milliseconds, out message);
            case string text:
                return FromString(text, out milliseconds, out message);
            case JsonElement element:
                return FromJsonElement(element, out milliseconds, out message);
            default:
                message = $"'time' has type {value.GetType().Name}, which is not a number, date or string.";
                return ValidationCode.TimeUnparseable;
        }
    }

    /// <summary>Returns whether an integer time is read as milliseconds, which normalizing keeps as is.</summary>
    public static bool IsMilliseconds(long value) => value is >= (long)MillisecondsLow and < (long)MillisecondsHigh;

    private static ValidationCode? FromInteger(long value, out long milliseconds, out string? message)
    {
        message = null;
        milliseconds = 0;
        if (value is >= (long)SecondsLow and < (long)SecondsHigh)
        {
            milliseconds = value * 1000;
        }
        else if (IsMilliseconds(value))
        {
            milliseconds = value;
        }
        else if (value is >= (long)MicrosecondsLow and < (long)MicrosecondsHigh)
        {
            milliseconds = (value + 500) / 1000;
        }
        else
        {
            return OutOfBand(value, out message);
        }

        return null;
    }

    private static ValidationCode? FromDouble(double value, out long milliseconds, out string? message)
    {
        milliseconds = 0;
        message = null;
        if (!double.IsFinite(value))
        {
            message = $"'time' is {value.ToString(CultureInfo.InvariantCulture)}, which is not a finite number.";
            return ValidationCode.TimeUnparseable;
        }

        double scaled;
        if (value is >= SecondsLow and < SecondsHigh)
        {
            scaled = value * 1000;
        }
        else if (value is >= MillisecondsLow and < MillisecondsHigh)
        {
            scaled = value;
        }
        else if (value is >= MicrosecondsLow and < MicrosecondsHigh)
        {
            scaled = value / 1000;
        }
        else
        {
            return OutOfBand(value, out message);
        }

        milliseconds = (long)Math.Round(scaled, MidpointRounding.AwayFromZero);
        return null;
    }

    private static ValidationCode? FromDateTime(DateTime value, out long milliseconds, out string? message)
    {
        milliseconds = 0;
        message = null;
        if (value.Kind == DateTimeKind.Unspecified)
        {
            message = "'time' is a DateTime of unspecified kind, so its UTC instant is unknown.";
            return ValidationCode.TimeAmbiguous;
        }

        milliseconds = ToMilliseconds(value.ToUniversalTime().Ticks);
        return null;
    }

    private static ValidationCode? FromString(string text, out long milliseconds, out string? message)
    {
        var span = text.AsSpan().Trim();
        if (double.TryParse(span, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return span.Contains('.')
                ? FromDouble(number, out milliseconds, out message)
                : long.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out var integer)
                    ? FromInteger(integer, out milliseconds, out message)
                    : FromDouble(number, out milliseconds, out message);
        }

        return IsoTimestamps.TryParse(span, out milliseconds, out message);
    }

    private static ValidationCode? FromJsonElement(JsonElement element, out long milliseconds, out string? message)
    {
        milliseconds = 0;
        message = null;
        switch (element.ValueKind)
        {
            case JsonValueKind.Number when element.TryGetInt64(out var integer):
                return FromInteger(integer, out milliseconds, out message);
            case JsonValueKind.Number when element.TryGetDouble(out var number):
                return FromDouble(number, out milliseconds, out message);
            case JsonValueKind.String:
                return FromString(JsonStrings.GetString(element), out milliseconds, out message);
            case JsonValueKind.Null:
                message = "The event has no 'time'.";
                return ValidationCode.TimeMissing;
            default:
                message = $"'time' is a JSON {element.ValueKind}, which is not a number or a date string.";
                return ValidationCode.TimeUnparseable;
        }
    }

    private static ValidationCode OutOfBand(double value, out string message)
    {
        message = $"'time' is {value.ToString("R", CultureInfo.InvariantCulture)}, which is in none of the "
            + "epoch seconds [1e9, 1e10), milliseconds [1e12, 1e13) or microseconds [1e15, 1e16) ranges; "
            + "pass a DateTimeOffset for other times.";
        return ValidationCode.TimeOutOfRange;
    }

    private static long ToMilliseconds(long utcTicks) =>
        (utcTicks - DateTime.UnixEpoch.Ticks + (TimeSpan.TicksPerMillisecond / 2)) / TimeSpan.TicksPerMillisecond;
}
