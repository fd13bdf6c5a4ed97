using System.Text.Json;

namespace MixpanelSync.MixpanelEmulator;

internal static class KnownProperties
{
    /// <summary>Identifies the property name under the reader, which must be on a PropertyName token.</summary>
    public static KnownProperty Identify(ref Utf8JsonReader reader)
    {
        var length = reader.ValueIsEscaped ? -1 : reader.ValueSpan.Length;
        if (length is 0 or > 20)
        {
            return KnownProperty.None;
        }

        return reader switch
        {
            _ when reader.ValueTextEquals("time"u8) => KnownProperty.Time,
            _ when reader.ValueTextEquals("distinct_id"u8) => KnownProperty.DistinctId,
            _ when reader.ValueTextEquals("$insert_id"u8) => KnownProperty.InsertId,
            _ when reader.ValueTextEquals("$user_id"u8) => KnownProperty.UserId,
            _ when reader.ValueTextEquals("$device_id"u8) => KnownProperty.DeviceId,
            _ when reader.ValueTextEquals("token"u8) => KnownProperty.Token,
            _ when reader.ValueTextEquals("$ignore"u8) => KnownProperty.Ignore,
            _ when IsServerSet(ref reader) => KnownProperty.ServerSet,
            _ => KnownProperty.None,
        };
    }

    private static bool IsServerSet(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("$import"u8)
        || reader.ValueTextEquals("$mp_api_endpoint"u8)
        || reader.ValueTextEquals("$mp_api_timestamp_ms"u8)
        || reader.ValueTextEquals("ip"u8);
}
