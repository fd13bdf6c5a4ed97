namespace MixpanelSync.MixpanelEmulator;

/// <summary>
/// One entry of failed_records: the record's position in the request, its $insert_id and the failure.
/// </summary>
internal sealed record FailedRecord(int Index, string InsertId, string Field, string Message);
