namespace MixpanelSync.Mixpanel;

/// <summary>One user profile update for Mixpanel's <c>/engage</c> endpoint.</summary>
/// <param name="DistinctId">The user whose profile changes.</param>
/// <param name="Operation">The operation to apply.</param>
/// <param name="Properties">
/// The properties, with the same value types as <see cref="MixpanelEvent.Properties"/>.
/// </param>
/// <param name="SourceKey">The caller's key, carried into the outcome.</param>
public sealed record ProfileUpdate(
    string? DistinctId,
    ProfileOperation Operation,
    IReadOnlyList<KeyValuePair<string, object?>> Properties,
    long SourceKey = 0);
