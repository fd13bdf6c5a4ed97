using MixpanelSync.GrainInterfaces.Integration;
using MixpanelSync.Grains.Scheduling;

namespace MixpanelSync.Grains.Tests.Scheduling;

public sealed class ScheduleCalculatorTests
{
    private const string Oslo = "Europe/Oslo";

    [Fact]
    public void NextOccurrence_Daily_ReturnsSameDayWhenHourAhead()
    {
        var after = Instant("2026-06-10T05:00:00+02:00");

        var next = ScheduleCalculator.NextOccurrence(SyncSchedule.Daily(6, Oslo), after);

        Assert.Equal(Instant("2026-06-10T06:00:00+02:00"), next);
    }

    [Fact]
    public void NextOccurrence_DailyAtHourItself_ReturnsNextDay()
    {
        var after = Instant("2026-06-10T06:00:00+02:00");

        var next = ScheduleCalculator.NextOccurrence(SyncSchedule.Daily(6, Oslo), after);

        Assert.Equal(Instant("2026-06-11T06:00:00+02:00"), next);
    }

    [Fact]
    public void NextOccurrence_DailyAcrossSpringForward_KeepsLocalHour()
    {
        // Oslo moves from +01:00 to +02:00 at 02:00 local on 29 March 2026.
        var first = ScheduleCalculator.NextOccurrence(
            SyncSchedule.Daily(6, Oslo),
            Instant("2026-03-28T07:00:00+01:00"));

        Assert.Equal(Instant("2026-03-29T06:00:00+02:00"), first);
        Assert.Equal(TimeSpan.FromHours(23), first - Instant("2026-03-28T06:00:00+01:00"));
    }

    [Fact]
    public void NextOccurrence_NonexistentLocalTime_RunsAtEndOfGap()
    {
        var next = ScheduleCalculator.NextOccurrence(SyncSchedule.Daily(2, Oslo), Instant("2026-03-28T03:00:00+01:00"));

        // 02:00 does not exist on 29 March; the first valid instant is 03:00 local (+02:00), 01:00 UTC.
        Assert.Equal(Instant("2026-03-29T01:00:00Z"), next);
    }

    [Fact]
    public void NextOccurrence_AmbiguousLocalTime_RunsOnceAtFirstOccurrence()
    {
        // Oslo moves from +02:00 back to +01:00 at 03:00 local on 25 October 2026, so 02:00 occurs twice.
        var schedule = SyncSchedule.Daily(2, Oslo);

        var first = ScheduleCalculator.NextOccurrence(schedule, Instant("2026-10-24T12:00:00+02:00"));
        var second = ScheduleCalculator.NextOccurrence(schedule, first);

        Assert.Equal(Instant("2026-10-25T02:00:00+02:00"), first);
        Assert.Equal(Instant("2026-10-26T02:00:00+01:00"), second);
    }

    [Fact]
    public void NextOccurrence_Weekly_ReturnsChosenWeekday()
    {
        var schedule = SyncSchedule.Weekly(DayOfWeek.Monday, 9, "America/New_York");

        var next = ScheduleCalculator.NextOccurrence(schedule, Instant("2026-03-05T12:00:00-05:00"));
        var following = ScheduleCalculator.NextOccurrence(schedule, next);

        Assert.Equal(Instant("2026-03-09T09:00:00-04:00"), next);
        Assert.Equal(DayOfWeek.Monday, next.ToOffset(TimeSpan.FromHours(-4)).DayOfWeek);
        Assert.Equal(Instant("2026-03-16T09:00:00-04:00"), following);
    }

    [Fact]
    public void NextOccurrence_MonthlyDay31_ClampsToMonthEnd()
    {
        var schedule = SyncSchedule.Monthly(31, 4, "Asia/Kolkata");

        var february = ScheduleCalculator.NextOccurrence(schedule, Instant("2026-01-31T05:00:00+05:30"));
        var march = ScheduleCalculator.NextOccurrence(schedule, february);
        var april = ScheduleCalculator.NextOccurrence(schedule, march);

        Assert.Equal(Instant("2026-02-28T04:00:00+05:30"), february);
        Assert.Equal(Instant("2026-03-31T04:00:00+05:30"), march);
        Assert.Equal(Instant("2026-04-30T04:00:00+05:30"), april);
    }

    [Fact]
    public void NextOccurrence_MonthlyInLeapYear_UsesFebruary29()
    {
        var next = ScheduleCalculator.NextOccurrence(
            SyncSchedule.Monthly(30, 0, "UTC"),
            Instant("2028-02-01T00:00:00Z"));

        Assert.Equal(Instant("2028-02-29T00:00:00Z"), next);
    }

    [Fact]
    public void SpreadOffset_SameBrand_IsStableAndWithinWindow()
    {
        var window = TimeSpan.FromMinutes(10);

        var offsets = Enumerable.Range(0, 200)
            .Select(i => ScheduleCalculator.SpreadOffset($"brand-{i}", window))
            .ToList();

        Assert.Equal(ScheduleCalculator.SpreadOffset("brand-7", window), offsets[7]);
        Assert.All(offsets, offset => Assert.InRange(offset, TimeSpan.Zero, window - TimeSpan.FromSeconds(1)));
        Assert.True(offsets.Distinct().Count() > 150, "Offsets of 200 brands should mostly differ.");
    }

    [Theory]
    [InlineData(24, "UTC")]
    [InlineData(-1, "UTC")]
    [InlineData(3, "Mars/Olympus")]
    public void TryValidate_InvalidSchedule_ReturnsReason(int hour, string zone)
    {
        var valid = ScheduleCalculator.TryValidate(SyncSchedule.Daily(hour, zone), out var reason);

        Assert.False(valid);
        Assert.NotEmpty(reason);
    }

    private static DateTimeOffset Instant(string text) =>
        DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
