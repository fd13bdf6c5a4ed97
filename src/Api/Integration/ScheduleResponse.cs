using MixpanelSync.Api.Http;
using MixpanelSync.GrainInterfaces.Integration;

namespace MixpanelSync.Api.Integration;

/// <summary>When scheduled syncs run.</summary>
/// <param name="Frequency"><c>daily</c>, <c>weekly</c> or <c>monthly</c>.</param>
/// <param name="Hour">The local hour of day, 0 to 23.</param>
/// <param name="Weekday">The weekday of weekly syncs; <see langword="null"/> otherwise.</param>
/// <param name="DayOfMonth">The day of monthly syncs; <see langword="null"/> otherwise.</param>
/// <param name="TimeZone">The IANA time zone id.</param>
public sealed record ScheduleResponse(
    string Frequency,
    int Hour,
    string? Weekday,
    int? DayOfMonth,
    string TimeZone)
{
    internal static ScheduleResponse From(SyncSchedule schedule) => new(
        ApiText.Of(schedule.Frequency),
        schedule.Hour,
        schedule.Frequency == SyncFrequency.Weekly ? ApiText.Of(schedule.Weekday) : null,
        schedule.Frequency == SyncFrequency.Monthly ? schedule.DayOfMonth : null,
        schedule.TimeZoneId);
}
