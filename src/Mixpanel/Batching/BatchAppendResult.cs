namespace MixpanelSync.Mixpanel;

/// <summary>The outcome of <see cref="BatchBuilder.Append"/>.</summary>
/// <param name="Validation">The verdict on the appended event.</param>
/// <param name="CompletedBatch">
/// A batch that was sealed because the appended event did not fit in it, or <see langword="null"/>. The appended
/// event is never part of it: it starts the next batch.
/// </param>
public readonly record struct BatchAppendResult(EventValidationResult Validation, PreparedBatch? CompletedBatch);
