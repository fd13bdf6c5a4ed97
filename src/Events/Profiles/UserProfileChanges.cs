namespace MixpanelSync.Events.Profiles;

/// <summary>The profile properties derived for one end user, split by the Mixpanel operation that sends them.</summary>
/// <param name="DistinctId">The user's <c>distinct_id</c>: the brand's user id.</param>
/// <param name="Set">Properties for <c>$set</c>, which overwrites.</param>
/// <param name="SetOnce">Properties for <c>$set_once</c>, which keeps an existing value.</param>
public sealed record UserProfileChanges(
    string DistinctId,
    IReadOnlyList<KeyValuePair<string, object?>> Set,
    IReadOnlyList<KeyValuePair<string, object?>> SetOnce);
