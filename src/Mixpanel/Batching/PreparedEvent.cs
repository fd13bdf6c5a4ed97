namespace MixpanelSync.Mixpanel;

/// <summary>One event inside a <see cref="PreparedBatch"/>, in body order.</summary>
/// <param name="SourceKey">The caller's key from <see cref="MixpanelEvent.SourceKey"/>.</param>
/// <param name="InsertId">The <c>$insert_id</c> written to the body, used to match Mixpanel's failed records.</param>
/// <param name="ByteCount">The event's line length in the uncompressed body, including its line feed.</param>
/// <param name="Warnings">The repairs made while preparing the event, or <see langword="null"/> when none.</param>
public readonly record struct PreparedEvent(
    long SourceKey,
    string InsertId,
    int ByteCount,
    IReadOnlyList<ValidationIssue>? Warnings = null);
