namespace MixpanelSync.Mixpanel;

/// <summary>
/// Fixed limits of Mixpanel's ingestion API, as documented at docs.mixpanel.com ("Import Events", "Track
/// Events", "Rate Limits" and "Profile Batch Update").
/// </summary>
public static class MixpanelLimits
{
    /// <summary>The most events one <c>/import</c> or <c>/track</c> request may carry.</summary>
    public const int MaxEventsPerRequest = 2000;

    /// <summary>The most profile updates one <c>/engage</c> request may carry.</summary>
    public const int MaxProfileUpdatesPerRequest = 2000;

    /// <summary>The uncompressed body limit of one request: 10 MB, read as 10 MiB (10,485,760 bytes).</summary>
    public const int MaxRequestBytes = 10 * 1024 * 1024;

    /// <summary>The most properties an event may have: Mixpanel requires fewer than 255.</summary>
    public const int MaxProperties = 254;

    /// <summary>The most keys a nested object may have: Mixpanel requires fewer than 255.</summary>
    public const int MaxObjectKeys = 254;

    /// <summary>The most elements a list may have: Mixpanel requires fewer than 255.</summary>
    public const int MaxArrayElements = 254;

    /// <summary>Mixpanel truncates longer strings and property names to this many characters.</summary>
    public const int MaxStringLength = 255;

    /// <summary>The longest accepted <c>$insert_id</c>.</summary>
    public const int MaxInsertIdLength = 36;

    /// <summary>The earliest event time <c>/import</c> accepts: 1971-01-01T00:00:00Z in epoch milliseconds.</summary>
    public const long MinEventTimeMilliseconds = 31_536_000_000;

    /// <summary>How far ahead of Mixpanel's clock an event time may be.</summary>
    public static readonly TimeSpan MaxFutureSkew = TimeSpan.FromHours(1);

    /// <summary>How old an event may be for <c>/track</c>, which drops older events without an error.</summary>
    public static readonly TimeSpan MaxTrackEventAge = TimeSpan.FromDays(5);
}
