namespace MixpanelSync.Mixpanel.Tests;

/// <summary>Builds events for tests, with valid reserved properties unless a test overrides them.</summary>
internal static class TestEvents
{
    /// <summary>2024-03-09T14:05:00Z, a day before <see cref="Now"/>.</summary>
    public const long Time = 1_709_993_100_000;

    /// <summary>The fixed clock of the tests: 2024-03-10T12:00:00Z.</summary>
    public static readonly DateTimeOffset Now = new(2024, 3, 10, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Stands for a property that the event must not have.</summary>
    public static readonly object Omit = new();

    /// <summary>
    /// Creates an event with valid <c>distinct_id</c>, <c>time</c> and <c>$insert_id</c>. A given property with one
    /// of those names replaces the default the first time it appears (or removes it when its value is
    /// <see cref="Omit"/>); every other given property is appended in order.
    /// </summary>
    public static MixpanelEvent Create(
        string? name = "Video Viewed",
        long sourceKey = 1,
        params (string Key, object? Value)[] properties)
    {
        var list = new List<KeyValuePair<string, object?>>
        {
            new("distinct_id", "fan-1001"),
            new("time", Time),
            new("$insert_id", "vv-0001"),
        };
        var replaced = new HashSet<string>();
        foreach (var (key, value) in properties)
        {
            var index = list.FindIndex(p => p.Key == key);
            if (index is >= 0 and < 3 && replaced.Add(key))
            {
                list[index] = new(key, value);
                continue;
            }

            list.Add(new(key, value));
        }

        list.RemoveAll(p => ReferenceEquals(p.Value, Omit));
        return new MixpanelEvent(name, list, sourceKey);
    }

    public static MixpanelEvent WithProperties(
        IEnumerable<KeyValuePair<string, object?>> properties,
        long sourceKey = 1) =>
        new("Video Viewed", properties.ToList(), sourceKey);

    /// <summary>A typical event: 15 properties and about 440 bytes of JSON.</summary>
    public static MixpanelEvent Typical(int index) => new(
        "Video Viewed",
        [
            new("time", Time + index),
            new("distinct_id", "fan-" + index),
            new("$insert_id", InsertIds.Create("brand-1", "evt-" + index)),
            new("ip", "203.0.113.7"),
            new("brand_id", "brand-1"),
            new("community_id", "community-42"),
            new("video_id", "v-" + (index % 100)),
            new("video_title", "Behind the scenes: rehearsal day"),
            new("duration_seconds", 312),
            new("watched_seconds", 187.5),
            new("is_member", true),
            new("platform", "ios"),
            new("app_version", "5.12.0"),
            new("country", "NO"),
            new("tags", new object?[] { "music", "live" }),
        ],
        index);

    /// <summary>Returns a list of <paramref name="count"/> properties named p000, p001, ...</summary>
    public static List<KeyValuePair<string, object?>> NumberedMembers(int count) =>
        Enumerable.Range(0, count).Select(i => new KeyValuePair<string, object?>($"p{i:D3}", i)).ToList();

    public static KeyValuePair<string, object?> Member(string key, object? value) => new(key, value);
}
