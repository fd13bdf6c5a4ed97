using MixpanelSync.Mixpanel;

namespace MixpanelSync.Grains.Mapping;

/// <summary>
/// Rejects events that Mixpanel's /import would reject for certain: a blank name, a placeholder
/// <c>distinct_id</c>, a time before 1971 or more than an hour ahead, or a malformed <c>$insert_id</c>.
/// </summary>
/// <remarks>TODO: replace with the delivery library's MixpanelEventValidator once it is committed.</remarks>
internal sealed class BasicMixpanelEventCheck : IMixpanelEventCheck
{
    private static readonly DateTimeOffset EarliestTime = new(1971, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly HashSet<string> PlaceholderIds = new(StringComparer.OrdinalIgnoreCase)
    {
        "00000000-0000-0000-0000-000000000000", "anon", "anonymous", "nil", "none", "null", "n/a", "na",
        "undefined", "unknown", "<nil>", "0", "-1", "true", "false", "[]", "{}",
    };

    public EventCheckFailure? Check(MixpanelEvent mixpanelEvent, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(mixpanelEvent.Name))
        {
            return new EventCheckFailure("missing event name", "event");
        }

        var properties = mixpanelEvent.Properties;
        var distinctId = Find(properties, "distinct_id") as string;
        if (distinctId is null || PlaceholderIds.Contains(distinctId))
        {
            return new EventCheckFailure("invalid distinct_id", "properties.distinct_id");
        }

        if (Find(properties, "time") is not long milliseconds
            || milliseconds < EarliestTime.ToUnixTimeMilliseconds()
            || milliseconds > (now + TimeSpan.FromHours(1)).ToUnixTimeMilliseconds())
        {
            return new EventCheckFailure("time out of range", "properties.time");
        }

        var insertId = Find(properties, "$insert_id") as string;
        if (insertId is not { Length: > 0 and <= 36 } || !insertId.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            return new EventCheckFailure("invalid $insert_id", "properties.$insert_id");
        }

        return null;
    }

    private static object? Find(IReadOnlyList<KeyValuePair<string, object?>> properties, string key)
    {
        foreach (var property in properties)
        {
            if (property.Key == key)
            {
                return property.Value;
            }
        }

        return null;
    }
}
