namespace MixpanelSync.Mixpanel;

/// <summary>
/// What the validator does with objects nested deeper than <see cref="MixpanelValidationOptions.MaxNestingDepth"/>.
/// </summary>
public enum NestingDepthPolicy
{
    /// <summary>
    /// Merge the too-deep objects into their parent under dotted keys (<c>os.version.major</c>) and warn.
    /// Lists found below the maximum depth cannot be flattened and still reject the event.
    /// </summary>
    Flatten = 1,

    /// <summary>Reject the event.</summary>
    Reject,
}
