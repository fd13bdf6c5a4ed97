using System.Security.Cryptography;
using System.Text;
using MixpanelSync.GrainInterfaces.Integration;

namespace MixpanelSync.Grains.Scheduling;

/// <summary>
/// Calendar arithmetic of sync schedules in the brand's time zone. Pure: the current time is always an
/// argument.
/// </summary>
public static class ScheduleCalculator
{
    // A year and a bit covers every daily, weekly and monthly schedule.
    private const int MaxDaysSearched = 400;

    /// <summary>
    /// Returns the first scheduled instant strictly after <paramref name="after"/>. A local time that does
    /// not exist because clocks move forward runs at the first valid instant after the gap. A local time
    /// that occurs twice because clocks move back runs once, at its first occurrence.
    /// </summary>
    /// <exception cref="TimeZoneNotFoundException">The schedule's time zone id is unknown.</exception>
    public static DateTimeOffset NextOccurrence(SyncSchedule schedule, DateTimeOffset after)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZoneId);
        var startDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(after, zone).DateTime).AddDays(-1);

        for (var day = 0; day < MaxDaysSearched; day++)
        {
            var date = startDate.AddDays(day);
            if (!Matches(schedule, date))
            {
                continue;
            }

            var instant = ToInstant(date.ToDateTime(new TimeOnly(schedule.Hour, 0)), zone);
            if (instant > after)
            {
                return instant;
            }
        }

        throw new InvalidOperationException($"No occurrence of {schedule} within {MaxDaysSearched} days.");
    }

    /// <summary>
    /// Returns a stable offset in [0, <paramref name="window"/>) derived from the brand id, so that brands
    /// choosing the same hour start at different moments.
    /// </summary>
    public static TimeSpan SpreadOffset(string brandId, TimeSpan window)
    {
        ArgumentException.ThrowIfNullOrEmpty(brandId);
        if (window <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(brandId));
        var value = BitConverter.ToUInt64(hash, 0);
        return TimeSpan.FromSeconds(value % (ulong)Math.Max(1, (long)window.TotalSeconds));
    }

    /// <summary>Returns whether the schedule's settings are valid, with the reason when not.</summary>
    public static bool TryValidate(SyncSchedule? schedule, out string reason)
    {
        reason = string.Empty;
        if (schedule is null)
        {
            reason = "The schedule is missing.";
            return false;
        }

        if (schedule.Hour is < 0 or > 23)
        {
            reason = $"The hour {schedule.Hour} is invalid: use 0 to 23.";
            return false;
        }

        if (schedule.Frequency == SyncFrequency.Monthly && schedule.DayOfMonth is < 1 or > 31)
        {
            reason = $"The day of month {schedule.DayOfMonth} is invalid: use 1 to 31.";
            return false;
        }

        if (!Enum.IsDefined(schedule.Frequency) || !Enum.IsDefined(schedule.Weekday))
        {
            reason = "The frequency or weekday is invalid.";
            return false;
        }

        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZoneId ?? string.Empty);
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            reason = $"The time zone '{schedule.TimeZoneId}' is not found: use an IANA id such as Europe/Oslo.";
            return false;
        }

        return true;
    }

    private static bool Matches(SyncSchedule schedule, DateOnly date) => schedule.Frequency switch
    {
        SyncFrequency.Daily => true,
        SyncFrequency.Weekly => date.DayOfWeek == schedule.Weekday,
        SyncFrequency.Monthly => date.Day == Math.Min(schedule.DayOfMonth, DateTime.DaysInMonth(date.Year, date.Month)),
        _ => false,
    };

    private static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        if (zone.IsInvalidTime(local))
        {
            // The first local minute after the gap is the transition instant itself.
            do
            {
                local = local.AddMinutes(1);
            }
            while (zone.IsInvalidTime(local));
        }

        if (zone.IsAmbiguousTime(local))
        {
            // The larger offset belongs to the earlier of the two instants.
            var offset = zone.GetAmbiguousTimeOffsets(local).Max();
            return new DateTimeOffset(local, offset);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
