namespace MixpanelSync.MixpanelEmulator;

/// <summary>
/// Fields that Mixpanel's query-time deduplication compares: two events are copies when all four match exactly.
/// </summary>
internal readonly record struct DeduplicationKey(
    string Name,
    string DistinctId,
    long TimeMilliseconds,
    string InsertId);
