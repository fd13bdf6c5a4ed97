namespace MixpanelSync.Mixpanel;

/// <summary>Classifies <see cref="ValidationCode"/> values.</summary>
public static class ValidationCodeExtensions
{
    /// <summary>Returns whether the code describes a repair (the event is kept) rather than a rejection.</summary>
    public static bool IsWarning(this ValidationCode code) => code is ValidationCode.EventNameTruncated
        or ValidationCode.DistinctIdPlaceholderReplaced
        or ValidationCode.InsertIdDerived
        or ValidationCode.NestingFlattened
        or ValidationCode.ArrayTruncated
        or ValidationCode.StringTruncated
        or ValidationCode.PropertyNameTruncated
        or ValidationCode.InvalidUtf16Replaced;
}
