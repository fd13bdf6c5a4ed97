namespace MixpanelSync.Grains.Delivery;

/// <summary>The outcome of one /import request.</summary>
/// <param name="Status">The class of the response.</param>
/// <param name="StatusCode">The HTTP status code, or 0 when no response arrived.</param>
/// <param name="Imported">Events Mixpanel reported as imported.</param>
/// <param name="FailedRecords">Events Mixpanel rejected, by 0-based line index.</param>
/// <param name="Error">The error message when the request did not succeed.</param>
public sealed record ImportAttempt(
    ImportStatus Status,
    int StatusCode,
    int Imported,
    IReadOnlyList<FailedRecord> FailedRecords,
    string? Error);

/// <summary>One event that Mixpanel rejected in a 400 response.</summary>
/// <param name="Index">The event's 0-based line index in the request.</param>
/// <param name="Field">The field Mixpanel named, if any.</param>
/// <param name="Message">Mixpanel's message.</param>
public sealed record FailedRecord(int Index, string? Field, string Message);
