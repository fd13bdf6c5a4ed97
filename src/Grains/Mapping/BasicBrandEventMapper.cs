using System.Security.Cryptography;
using System.Text;
using MixpanelSync.Events;
using MixpanelSync.GrainInterfaces.Integration;
using MixpanelSync.Mixpanel;

namespace MixpanelSync.Grains.Mapping;

/// <summary>
/// Maps the identity, time and properties of a brand event. The <c>$insert_id</c> is a hash of the brand
/// and event ids, so a resent event is deduplicated by Mixpanel.
/// </summary>
/// <remarks>TODO: replace with the event library's BrandEventMapper once it is committed.</remarks>
internal sealed class BasicBrandEventMapper : IBrandEventMapper
{
    public MixpanelEvent Map(string brandId, long sequence, BrandEvent brandEvent, MappingSettings settings)
    {
        var properties = new List<KeyValuePair<string, object?>>
        {
            new("time", brandEvent.OccurredAt.ToUnixTimeMilliseconds()),
            new("distinct_id", DistinctId(brandEvent)),
            new("$insert_id", InsertId(brandId, brandEvent.EventId)),
        };

        Add(properties, "$user_id", brandEvent.UserId);
        Add(properties, "$device_id", brandEvent.DeviceId);
        Add(properties, "session_id", brandEvent.SessionId);
        if (settings.IncludeContext)
        {
            AddContext(properties, brandEvent.Context);
        }

        foreach (var (key, value) in brandEvent.Properties)
        {
            properties.Add(new(key, value));
        }

        return new MixpanelEvent(settings.EventNamePrefix + brandEvent.Type, properties, sequence);
    }

    private static string DistinctId(BrandEvent brandEvent) =>
        brandEvent.UserId ?? (brandEvent.DeviceId is null ? string.Empty : "$device:" + brandEvent.DeviceId);

    private static string InsertId(string brandId, string eventId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{brandId.Length}:{brandId}:{eventId}"));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    private static void AddContext(List<KeyValuePair<string, object?>> properties, BrandEventContext context)
    {
        Add(properties, "$os", context.Os);
        Add(properties, "$os_version", context.OsVersion);
        Add(properties, "$app_version_string", context.AppVersion);
        Add(properties, "$model", context.DeviceModel);
        Add(properties, "$manufacturer", context.Manufacturer);
        Add(properties, "$browser", context.Browser);
        Add(properties, "mp_country_code", context.Country);
        Add(properties, "$region", context.Region);
        Add(properties, "$city", context.City);
        properties.Add(new("ip", context.Ip ?? "0"));
    }

    private static void Add(List<KeyValuePair<string, object?>> properties, string key, string? value)
    {
        if (value is not null)
        {
            properties.Add(new(key, value));
        }
    }
}
