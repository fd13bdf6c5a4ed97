namespace MixpanelSync.Events.Profiles;

/// <summary>The profile facts gathered from one user's events so far; events must be applied in time order.</summary>
internal sealed class ProfileState
{
    private readonly DateTimeOffset _firstSeen;
    private readonly List<string> _communities = [];
    private readonly HashSet<string> _orders = new(StringComparer.Ordinal);
    private DateTimeOffset _lastSeen;
    private long _totalWatchTimeMs;
    private BrandEventContext _context = BrandEventContext.Empty;

    public ProfileState(DateTimeOffset firstSeen)
    {
        _firstSeen = firstSeen;
        _lastSeen = firstSeen;
    }

    public void Apply(BrandEvent brandEvent)
    {
        _lastSeen = brandEvent.OccurredAt;
        _context = Merge(_context, brandEvent.Context);
        var properties = brandEvent.Properties;
        switch (brandEvent.Type)
        {
            case BrandEventTypes.VideoView when properties.GetValueOrDefault("watch_time_ms") is long watchTime:
                _totalWatchTimeMs += watchTime;
                break;
            case BrandEventTypes.Purchase when properties.GetValueOrDefault("order_id") is string orderId:
                _orders.Add(orderId);
                break;
            case BrandEventTypes.CommunityJoin when properties.GetValueOrDefault("community_id") is string joined:
                _communities.Remove(joined);
                _communities.Add(joined);
                break;
            case BrandEventTypes.CommunityLeave when properties.GetValueOrDefault("community_id") is string left:
                _communities.Remove(left);
                break;
        }
    }

    public UserProfileChanges ToChanges(string distinctId)
    {
        var set = new List<KeyValuePair<string, object?>>
        {
            new("last_seen", UserProfileBuilder.FormatDate(_lastSeen)),
            new("communities", _communities.Cast<object?>().ToList()),
            new("total_watch_time_ms", _totalWatchTimeMs),
            new("purchases_count", (long)_orders.Count),
        };
        AddIfSet(set, "$os", _context.Os);
        AddIfSet(set, "$app_version_string", _context.AppVersion);
        AddIfSet(set, "$model", _context.DeviceModel);
        AddIfSet(set, "mp_country_code", _context.Country);

        var setOnce = new List<KeyValuePair<string, object?>>
        {
            new("first_seen", UserProfileBuilder.FormatDate(_firstSeen)),
        };
        return new UserProfileChanges(distinctId, set, setOnce);
    }

    private static BrandEventContext Merge(BrandEventContext known, BrandEventContext latest) => known with
    {
        Os = latest.Os ?? known.Os,
        AppVersion = latest.AppVersion ?? known.AppVersion,
        DeviceModel = latest.DeviceModel ?? known.DeviceModel,
        Country = latest.Country ?? known.Country,
    };

    private static void AddIfSet(List<KeyValuePair<string, object?>> properties, string name, string? value)
    {
        if (value is not null)
        {
            properties.Add(new KeyValuePair<string, object?>(name, value));
        }
    }
}
