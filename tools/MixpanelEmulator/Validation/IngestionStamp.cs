namespace MixpanelSync.MixpanelEmulator;

/// <summary>Properties Mixpanel adds to every event it ingests.</summary>
/// <param name="IsImport">Whether the event came through /import, which adds <c>$import: true</c>.</param>
/// <param name="ApiHost">Host the event was sent to, stored as <c>$mp_api_endpoint</c>.</param>
/// <param name="TimestampMilliseconds">Ingestion time, stored as <c>$mp_api_timestamp_ms</c>.</param>
internal readonly record struct IngestionStamp(bool IsImport, string ApiHost, long TimestampMilliseconds);
