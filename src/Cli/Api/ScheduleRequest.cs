namespace MixpanelSync.Cli.Api;

/// <summary>When scheduled syncs run. The service validates every field.</summary>
internal sealed record ScheduleRequest(string Frequency, int Hour, string? Weekday, int? DayOfMonth, string TimeZone);
