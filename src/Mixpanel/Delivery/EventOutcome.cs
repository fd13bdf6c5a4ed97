namespace MixpanelSync.Mixpanel;

/// <summary>What happened to one event.</summary>
/// <param name="SourceKey">The caller's key from <see cref="MixpanelEvent.SourceKey"/>.</param>
/// <param name="InsertId">The <c>$insert_id</c> that was sent, or <see langword="null"/> when none was valid.</param>
/// <param name="Status">Imported, rejected or failed.</param>
/// <param name="Reason">Why the event was rejected or failed; <see cref="OutcomeReason.None"/> when imported.</param>
/// <param name="ValidationCode">The validation code for <see cref="OutcomeReason.InvalidEvent"/>.</param>
/// <param name="Field">The offending field, from validation or Mixpanel's failed record.</param>
/// <param name="Message">A sentence for people: validation's or Mixpanel's message, or the failure.</param>
/// <param name="Warnings">The repairs made to the event before sending, or <see langword="null"/>.</param>
public readonly record struct EventOutcome(
    long SourceKey,
    string? InsertId,
    EventOutcomeStatus Status,
    OutcomeReason Reason = OutcomeReason.None,
    ValidationCode? ValidationCode = null,
    string? Field = null,
    string? Message = null,
    IReadOnlyList<ValidationIssue>? Warnings = null)
{
    /// <summary>Creates the outcome of an event that validation rejected.</summary>
    public static EventOutcome FromRejection(in EventValidationResult validation) => new(
        validation.SourceKey,
        validation.InsertId,
        EventOutcomeStatus.Rejected,
        OutcomeReason.InvalidEvent,
        validation.Rejection?.Code,
        validation.Rejection?.Field,
        validation.Rejection?.Message,
        validation.Warnings.Count > 0 ? validation.Warnings : null);

    internal static EventOutcome For(
        in PreparedEvent preparedEvent,
        EventOutcomeStatus status,
        OutcomeReason reason = OutcomeReason.None,
        string? field = null,
        string? message = null) =>
        new(
            preparedEvent.SourceKey,
            preparedEvent.InsertId,
            status,
            reason,
            null,
            field,
            message,
            preparedEvent.Warnings);
}
