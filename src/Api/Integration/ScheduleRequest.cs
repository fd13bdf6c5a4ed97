using System.Text.Json.Serialization;

namespace MixpanelSync.Api.Integration;

/// <summary>When scheduled syncs run, in the brand's time zone.</summary>
/// <param name="Frequency"><c>daily</c>, <c>weekly</c> or <c>monthly</c>.</param>
/// <param name="Hour">The local hour of day, 0 to 23.</param>
/// <param name="Weekday">The weekday of weekly syncs, such as <c>monday</c>; required for weekly.</param>
/// <param name="DayOfMonth">
/// The day of monthly syncs, 1 to 31; required for monthly. Months without that day run on their last day.
/// </param>
/// <param name="TimeZone">An IANA time zone id such as <c>Europe/Oslo</c>.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ScheduleRequest(
    string? Frequency,
    int? Hour,
    string? Weekday,
    int? DayOfMonth,
    string? TimeZone);
