namespace MixpanelSync.Mixpanel;

/// <summary>
/// Limits and repair policies applied to each event before it is sent. The defaults follow Mixpanel's
/// documentation of <c>/import</c> (docs.mixpanel.com, "Import Events").
/// </summary>
public sealed class MixpanelValidationOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Mixpanel:Validation";

    /// <summary>
    /// The deepest level at which an object or list may appear, counting a top-level property's value as level 1.
    /// </summary>
    /// <value>Default 3, the depth Mixpanel documents. Range 1 to 32.</value>
    /// <remarks>
    /// Mixpanel's documentation states a depth of 3, but deeper events are reported to be accepted, so the limit
    /// is configurable.
    /// </remarks>
    public int MaxNestingDepth { get; set; } = 3;

    /// <summary>What to do with objects nested deeper than <see cref="MaxNestingDepth"/>.</summary>
    /// <value>Default <see cref="NestingDepthPolicy.Flatten"/>.</value>
    public NestingDepthPolicy NestingDepthPolicy { get; set; } = NestingDepthPolicy.Flatten;

    /// <summary>What to do with a list of 255 or more elements.</summary>
    /// <value>Default <see cref="ArrayLengthPolicy.Reject"/>.</value>
    public ArrayLengthPolicy ArrayLengthPolicy { get; set; } = ArrayLengthPolicy.Reject;

    /// <summary>What to do with a placeholder <c>distinct_id</c>.</summary>
    /// <value>Default <see cref="PlaceholderDistinctIdPolicy.ReplaceWithEmpty"/>.</value>
    public PlaceholderDistinctIdPolicy PlaceholderDistinctIdPolicy { get; set; } =
        PlaceholderDistinctIdPolicy.ReplaceWithEmpty;

    /// <summary>What to do with a malformed <c>$insert_id</c>.</summary>
    /// <value>Default <see cref="InvalidInsertIdPolicy.Derive"/>.</value>
    public InvalidInsertIdPolicy InvalidInsertIdPolicy { get; set; } = InvalidInsertIdPolicy.Derive;

    /// <summary>The size an event's JSON must stay under, in UTF-8 bytes.</summary>
    /// <value>
    /// Default 1,000,000. Mixpanel documents "1 MB" without saying whether that is 10^6 or 2^20 bytes, so the
    /// default takes the smaller. Range 1,024 to 1,048,576.
    /// </value>
    public int MaxEventBytes { get; set; } = 1_000_000;
}
