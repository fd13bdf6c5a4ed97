namespace MixpanelSync.Cli.Api;

/// <summary>When scheduled syncs run, in the brand's time zone.</summary>
internal sealed record ScheduleResponse(string Frequency, int Hour, string? Weekday, int? DayOfMonth, string TimeZone);
