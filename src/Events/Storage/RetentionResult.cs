namespace MixpanelSync.Events.Storage;

/// <summary>What one retention pass deleted for a brand.</summary>
/// <param name="PushedDeleted">Deleted events at or below the cursor.</param>
/// <param name="UnpushableDeleted">Deleted events above the cursor that will never be pushed.</param>
/// <param name="DeadLettersDeleted">Deleted dead letters.</param>
public sealed record RetentionResult(long PushedDeleted, long UnpushableDeleted, long DeadLettersDeleted);
