namespace MixpanelSync.Mixpanel;

/// <summary>One entry of Mixpanel's <c>failed_records</c>.</summary>
/// <param name="Index">The 0-based position of the event in the request body.</param>
/// <param name="InsertId">The event's <c>$insert_id</c> as Mixpanel echoed it, if present.</param>
/// <param name="Field">The invalid field, such as <c>properties.time</c>.</param>
/// <param name="Message">Mixpanel's explanation.</param>
internal readonly record struct FailedRecord(int Index, string? InsertId, string? Field, string? Message);
