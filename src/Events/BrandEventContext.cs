namespace MixpanelSync.Events;

/// <summary>
/// The device, app and location an event came from. Every field is optional and maps onto one of
/// Mixpanel's reserved properties (docs/event-schema.md).
/// </summary>
public sealed record BrandEventContext
{
    /// <summary>A context with no field set.</summary>
    public static BrandEventContext Empty { get; } = new();

    /// <summary>The number of fields, all of them optional strings.</summary>
    internal const int FieldCount = 10;

    /// <summary>The position of <see cref="Country"/> in <see cref="FieldNames"/>.</summary>
    internal const int CountryField = 6;

    /// <summary>The position of <see cref="Ip"/> in <see cref="FieldNames"/>.</summary>
    internal const int IpField = 9;

    /// <summary>The JSON name of each field, in the order of <see cref="FromFields"/>.</summary>
    internal static readonly string[] FieldNames =
    [
        "os", "os_version", "app_version", "device_model", "manufacturer", "browser", "country", "region", "city", "ip",
    ];

    /// <summary>Creates a context from one value per field, in the order of <see cref="FieldNames"/>.</summary>
    internal static BrandEventContext FromFields(ReadOnlySpan<string?> values) => new()
    {
        Os = values[0],
        OsVersion = values[1],
        AppVersion = values[2],
        DeviceModel = values[3],
        Manufacturer = values[4],
        Browser = values[5],
        Country = values[CountryField],
        Region = values[7],
        City = values[8],
        Ip = values[IpField],
    };

    /// <summary>The operating system, such as <c>iOS</c> or <c>Android</c>; sent as <c>$os</c>.</summary>
    public string? Os { get; init; }

    /// <summary>The operating system version; sent as <c>$os_version</c>.</summary>
    public string? OsVersion { get; init; }

    /// <summary>The brand app's version; sent as <c>$app_version_string</c>.</summary>
    public string? AppVersion { get; init; }

    /// <summary>The device model, such as <c>iPhone15,2</c>; sent as <c>$model</c>.</summary>
    public string? DeviceModel { get; init; }

    /// <summary>The device manufacturer; sent as <c>$manufacturer</c>.</summary>
    public string? Manufacturer { get; init; }

    /// <summary>The web browser, for web events; sent as <c>$browser</c>.</summary>
    public string? Browser { get; init; }

    /// <summary>The ISO 3166-1 alpha-2 country code in upper case; sent as <c>mp_country_code</c>.</summary>
    public string? Country { get; init; }

    /// <summary>The region or state; sent as <c>$region</c>.</summary>
    public string? Region { get; init; }

    /// <summary>The city; sent as <c>$city</c>.</summary>
    public string? City { get; init; }

    /// <summary>The end user's IP address, which Mixpanel uses for geolocation; sent as <c>ip</c>.</summary>
    public string? Ip { get; init; }
}
