namespace MixpanelSync.Mixpanel;

/// <summary>A record of an input file that could not be turned into an event.</summary>
/// <param name="RecordNumber">The 1-based record number: the line for NDJSON, the element for a JSON array.</param>
/// <param name="Message">What is wrong with the record.</param>
public sealed record FileRecordError(long RecordNumber, string Message);
