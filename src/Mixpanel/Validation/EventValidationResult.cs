namespace MixpanelSync.Mixpanel;

/// <summary>The outcome of validating one event: valid, repaired with warnings, or rejected with a reason.</summary>
public readonly struct EventValidationResult
{
    private readonly IReadOnlyList<ValidationIssue>? _warnings;

    internal EventValidationResult(
        long sourceKey,
        ValidationIssue? rejection,
        IReadOnlyList<ValidationIssue>? warnings,
        long time,
        string? insertId,
        int byteCount)
    {
        SourceKey = sourceKey;
        Rejection = rejection;
        _warnings = warnings;
        Time = time;
        InsertId = insertId;
        ByteCount = byteCount;
    }

    /// <summary>The <see cref="MixpanelEvent.SourceKey"/> of the validated event.</summary>
    public long SourceKey { get; }

    /// <summary>The verdict.</summary>
    public ValidationStatus Status => Rejection is not null
        ? ValidationStatus.Rejected
        : Warnings.Count > 0 ? ValidationStatus.Repaired : ValidationStatus.Valid;

    /// <summary>Whether the event is sent, possibly after repairs.</summary>
    public bool IsAccepted => Rejection is null;

    /// <summary>The reason the event was rejected, or <see langword="null"/> when it is accepted.</summary>
    public ValidationIssue? Rejection { get; }

    /// <summary>The repairs made to the event; empty when none were needed.</summary>
    public IReadOnlyList<ValidationIssue> Warnings => _warnings ?? [];

    /// <summary>The normalised <c>time</c> in Unix epoch milliseconds; 0 when the time was rejected.</summary>
    public long Time { get; }

    /// <summary>
    /// The <c>$insert_id</c> that is sent, after any derivation, or <see langword="null"/> when rejected.
    /// </summary>
    public string? InsertId { get; }

    /// <summary>The size of the serialized event in UTF-8 bytes without its line break; 0 when rejected.</summary>
    public int ByteCount { get; }
}
