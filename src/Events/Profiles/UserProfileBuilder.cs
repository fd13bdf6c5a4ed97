using System.Globalization;

namespace MixpanelSync.Events.Profiles;

/// <summary>
/// Derives Mixpanel user profile properties from a brand's events (docs/event-schema.md, "User profiles"):
/// first and last seen, current community memberships, total watch time, number of orders and the latest
/// device context.
/// </summary>
/// <remarks>
/// Only events with a user id make profiles, because anonymous device profiles would count every device as a
/// user. Both operations are idempotent, so resending the result after a failure changes nothing.
/// </remarks>
public static class UserProfileBuilder
{
    /// <summary>Returns one entry per user id in the events, ordered by user id.</summary>
    /// <remarks>
    /// NOTE: totals and memberships cover only the events given. Pass all of a user's stored events, not one
    /// run's page, or the <c>$set</c> overwrites a larger total with a partial one.
    /// </remarks>
    public static IReadOnlyList<UserProfileChanges> Build(IEnumerable<BrandEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var profiles = new SortedDictionary<string, ProfileState>(StringComparer.Ordinal);
        var ordered = events
            .Where(brandEvent => brandEvent.UserId is not null)
            .OrderBy(brandEvent => brandEvent.OccurredAt)
            .ThenBy(brandEvent => brandEvent.EventId, StringComparer.Ordinal);
        foreach (var brandEvent in ordered)
        {
            if (!profiles.TryGetValue(brandEvent.UserId!, out var state))
            {
                state = new ProfileState(brandEvent.OccurredAt);
                profiles.Add(brandEvent.UserId!, state);
            }

            state.Apply(brandEvent);
        }

        return [.. profiles.Select(pair => pair.Value.ToChanges(pair.Key))];
    }

    /// <summary>Formats a time the way Mixpanel reads date properties: ISO 8601 in UTC without an offset.</summary>
    internal static string FormatDate(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
}
