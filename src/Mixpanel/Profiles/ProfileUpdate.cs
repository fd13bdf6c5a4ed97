namespace MixpanelSync.Mixpanel;

/// <summary>One user profile update for Mixpanel's <c>/engage</c> endpoint.</summary>
/// <param name="DistinctId">The user whose profile changes.</param>
/// <param name="Operation">The operation to apply.</param>
/// <param name="Properties">
/// The properties, with the same value types as <see cref="MixpanelEvent.Properties"/>.
/// </param>
/// <param name="SourceKey">The caller's key, carried into the outcome.</param>
/// <param name="IgnoreAlias">
/// For <see cref="ProfileOperation.Delete"/>: the <c>$ignore_alias</c> flag. When it is <see langword="true"/>,
/// Mixpanel deletes only the profile stored under <paramref name="DistinctId"/> and does not follow an alias of
/// that id to the profile it points at.
/// </param>
public sealed record ProfileUpdate(
    string? DistinctId,
    ProfileOperation Operation,
    IReadOnlyList<KeyValuePair<string, object?>> Properties,
    long SourceKey = 0,
    bool IgnoreAlias = false)
{
    /// <summary>Creates a <c>$delete</c> update of the profile stored under the distinct id.</summary>
    public static ProfileUpdate Delete(string distinctId, bool ignoreAlias, long sourceKey = 0) =>
        new(distinctId, ProfileOperation.Delete, [], sourceKey, ignoreAlias);
}
