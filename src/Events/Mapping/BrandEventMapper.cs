using MixpanelSync.Events.Schema;
using MixpanelSync.Mixpanel;

namespace MixpanelSync.Events.Mapping;

/// <summary>
/// Maps a stored brand event onto the Mixpanel event sent to the brand's project, following the table in
/// docs/event-schema.md and the brand's <see cref="BrandMappingSettings"/>.
/// </summary>
/// <remarks>
/// Properties come in this order: <c>time</c> (epoch milliseconds), <c>distinct_id</c>, <c>$insert_id</c>, the
/// identity properties, <c>event_id</c>, <c>session_id</c>, the context, the type's schema properties, derived
/// properties and last the allow-listed custom properties. Brand data can never set a name that comes earlier in
/// that list or that Mixpanel reserves: such a custom property is sent renamed.
/// </remarks>
public static class BrandEventMapper
{
    /// <summary>Maps one event; returns <see langword="null"/> when the brand excluded its type.</summary>
    /// <param name="brandId">The brand that owns the event; part of the <c>$insert_id</c>.</param>
    /// <param name="brandEvent">The event, as validated by the schema parser.</param>
    /// <param name="settings">The brand's mapping settings.</param>
    /// <param name="sequence">The event's sequence number in the store, carried as the source key.</param>
    /// <exception cref="ArgumentException">The event's type is not in the schema.</exception>
    public static MixpanelEvent? Map(
        string brandId,
        BrandEvent brandEvent,
        BrandMappingSettings settings,
        long sequence)
    {
        ArgumentException.ThrowIfNullOrEmpty(brandId);
        ArgumentNullException.ThrowIfNull(brandEvent);
        ArgumentNullException.ThrowIfNull(settings);
        var definition = EventSchema.Find(brandEvent.Type)
            ?? throw new ArgumentException(
                $"The event type '{brandEvent.Type}' is not in the schema.",
                nameof(brandEvent));
        if (settings.ExcludedTypes.Contains(definition.Type))
        {
            return null;
        }

        var properties = new PropertyList(MaxPropertyCount(definition, brandEvent));
        properties.Add("time", brandEvent.OccurredAt.ToUnixTimeMilliseconds());
        properties.Add("distinct_id", DistinctIdOf(brandEvent, settings.IdentityMerge));
        properties.Add("$insert_id", InsertIds.Create(brandId, brandEvent.EventId));
        if (settings.IdentityMerge == IdentityMergeMode.Simplified)
        {
            // Simplified ID Merge links a device to a user on the first event that carries both ids.
            properties.AddIfSet("$user_id", brandEvent.UserId);
            properties.AddIfSet("$device_id", brandEvent.DeviceId);
        }

        properties.Add("event_id", brandEvent.EventId);
        properties.AddIfSet("session_id", brandEvent.SessionId);
        AddContext(properties, brandEvent.Context);
        AddSchemaProperties(properties, definition, brandEvent);
        AddCustomProperties(properties, definition, brandEvent, settings);

        var name = settings.EventNames.GetValueOrDefault(definition.Type) ?? definition.MixpanelName;
        return new MixpanelEvent(name, properties.Items, sequence);
    }

    /// <summary>
    /// Returns the <c>distinct_id</c> values under which Mixpanel may hold profiles of the given users and
    /// devices, such as after <see cref="Storage.IEventStore.DeleteEndUserAsync"/>.
    /// </summary>
    public static IReadOnlyList<string> DistinctIdsOf(
        IEnumerable<string> userIds,
        IEnumerable<string> deviceIds,
        IdentityMergeMode mode)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        ArgumentNullException.ThrowIfNull(deviceIds);
        var devices = mode == IdentityMergeMode.Simplified ? deviceIds.Select(SimplifiedDeviceId) : deviceIds;
        return [.. userIds.Concat(devices).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Returns the user id, else the device id (with <c>$device:</c> in front under Simplified ID Merge). The
    /// parser rejects events with neither, so the empty string, Mixpanel's "no user", only appears for events
    /// built by hand.
    /// </summary>
    private static string DistinctIdOf(BrandEvent brandEvent, IdentityMergeMode mode) =>
        (brandEvent.UserId, brandEvent.DeviceId, mode) switch
        {
            ({ } userId, _, _) => userId,
            (null, { } deviceId, IdentityMergeMode.Simplified) => SimplifiedDeviceId(deviceId),
            (null, { } deviceId, _) => deviceId,
            _ => "",
        };

    private static string SimplifiedDeviceId(string deviceId) => "$device:" + deviceId;

    /// <summary>
    /// Returns the max number of properties <see cref="Map"/> can add for the event, so that the list never grows.
    /// </summary>
    private static int MaxPropertyCount(EventTypeDefinition definition, BrandEvent brandEvent) =>
        FixedPropertyCount + BrandEventContext.FieldCount + definition.Properties.Count + DerivedPropertyCount
        + brandEvent.Properties.Count;

    // time, distinct_id, $insert_id, $user_id, $device_id, event_id and session_id.
    private const int FixedPropertyCount = 7;

    // completion_ratio and completed.
    private const int DerivedPropertyCount = 2;

    private static void AddContext(PropertyList properties, BrandEventContext context)
    {
        properties.AddIfSet("$os", context.Os);
        properties.AddIfSet("$os_version", context.OsVersion);
        properties.AddIfSet("$app_version_string", context.AppVersion);
        properties.AddIfSet("$model", context.DeviceModel);
        properties.AddIfSet("$manufacturer", context.Manufacturer);
        properties.AddIfSet("$browser", context.Browser);
        properties.AddIfSet("mp_country_code", context.Country);
        properties.AddIfSet("$region", context.Region);
        properties.AddIfSet("$city", context.City);
        properties.AddIfSet("ip", context.Ip);
    }

    private static void AddSchemaProperties(
        PropertyList properties,
        EventTypeDefinition definition,
        BrandEvent brandEvent)
    {
        for (var i = 0; i < definition.Properties.Count; i++)
        {
            var name = definition.Properties[i].Name;
            if (brandEvent.Properties.TryGetValue(name, out var value) && value is not null)
            {
                properties.Add(name, value);
            }
        }

        if (definition.Type == BrandEventTypes.VideoView)
        {
            AddVideoCompletion(properties, brandEvent);
        }
    }

    /// <summary>
    /// Adds completion_ratio (watch time over length, at most 1, 4 decimals) and completed (watched at least the
    /// whole length). Looping videos can be watched longer than their length.
    /// </summary>
    private static void AddVideoCompletion(PropertyList properties, BrandEvent brandEvent)
    {
        if (brandEvent.Properties.GetValueOrDefault("watch_time_ms") is not long watchTime
            || brandEvent.Properties.GetValueOrDefault("duration_ms") is not long duration
            || duration <= 0)
        {
            return;
        }

        properties.Add("completion_ratio", Math.Round(Math.Min(1m, (decimal)watchTime / duration), 4));
        properties.Add("completed", watchTime >= duration);
    }

    private static void AddCustomProperties(
        PropertyList properties,
        EventTypeDefinition definition,
        BrandEvent brandEvent,
        BrandMappingSettings settings)
    {
        if (settings.AllowedCustomProperties.Count == 0)
        {
            return;
        }

        foreach (var (name, value) in brandEvent.Properties)
        {
            if (definition.FindProperty(name) is null && settings.AllowedCustomProperties.Contains(name))
            {
                properties.Add(FreeNameFor(name, properties), value);
            }
        }
    }

    private static string FreeNameFor(string name, PropertyList properties)
    {
        var candidate = ReservedNames.IsReserved(name) ? ReservedNames.Rename(name) : name;
        while (properties.Contains(candidate))
        {
            candidate = ReservedNames.Rename(candidate);
        }

        return candidate;
    }
}
