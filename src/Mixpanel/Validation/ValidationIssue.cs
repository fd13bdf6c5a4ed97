namespace MixpanelSync.Mixpanel;

/// <summary>One problem found in an event: a rejection or, for repairing codes, a warning.</summary>
/// <param name="Code">The machine-readable reason.</param>
/// <param name="Field">
/// The path of the offending field in Mixpanel's notation, such as <c>event</c>, <c>properties.time</c> or
/// <c>properties.device.os[2]</c>.
/// </param>
/// <param name="Message">A sentence for people that names the value or limit involved.</param>
public sealed record ValidationIssue(ValidationCode Code, string Field, string Message)
{
    /// <summary>Whether the event was repaired and kept, as opposed to rejected.</summary>
    public bool IsWarning => Code.IsWarning();
}
