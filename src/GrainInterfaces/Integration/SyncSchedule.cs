namespace MixpanelSync.GrainInterfaces.Integration;

/// <summary>When scheduled syncs run, in the brand's own time zone.</summary>
/// <param name="Frequency">Daily, weekly or monthly.</param>
/// <param name="Hour">The local hour of day, 0 to 23.</param>
/// <param name="Weekday">The weekday of weekly syncs; ignored otherwise.</param>
/// <param name="DayOfMonth">The day of monthly syncs, 1 to 31; ignored otherwise.</param>
/// <param name="TimeZoneId">An IANA time zone id such as <c>Europe/Oslo</c>.</param>
[GenerateSerializer]
[Alias("mixpanel-sync.sync-schedule")]
public sealed record SyncSchedule(
    [property: Id(0)] SyncFrequency Frequency,
    [property: Id(1)] int Hour,
    [property: Id(2)] DayOfWeek Weekday,
    [property: Id(3)] int DayOfMonth,
    [property: Id(4)] string TimeZoneId)
{
    /// <summary>Creates a daily schedule.</summary>
    public static SyncSchedule Daily(int hour, string timeZoneId) =>
        new(SyncFrequency.Daily, hour, DayOfWeek.Monday, 1, timeZoneId);

    /// <summary>Creates a weekly schedule.</summary>
    public static SyncSchedule Weekly(DayOfWeek weekday, int hour, string timeZoneId) =>
        new(SyncFrequency.Weekly, hour, weekday, 1, timeZoneId);

    /// <summary>Creates a monthly schedule.</summary>
    public static SyncSchedule Monthly(int dayOfMonth, int hour, string timeZoneId) =>
        new(SyncFrequency.Monthly, hour, DayOfWeek.Monday, dayOfMonth, timeZoneId);
}
