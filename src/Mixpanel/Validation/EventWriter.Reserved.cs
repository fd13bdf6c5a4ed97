using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace MixpanelSync.Mixpanel;

internal sealed partial class EventWriter
{
    private bool TryFindReserved(
        IReadOnlyList<KeyValuePair<string, object?>> properties,
        out ReservedProperties reserved)
    {
        reserved = new ReservedProperties { Time = -1, DistinctId = -1, InsertId = -1, Ip = -1, Token = -1 };
        for (var i = 0; i < properties.Count; i++)
        {
            var key = properties[i].Key;
            ref var slot = ref SlotFor(ref reserved, key);
            if (Unsafe.IsNullRef(ref slot))
            {
                continue;
            }

            if (slot >= 0)
            {
                return Reject(
                    ValidationCode.DuplicateReservedProperty,
                    "properties." + key,
                    $"The property '{key}' appears more than once, so the value Mixpanel would use is unclear.");
            }

            slot = i;
        }

        return true;
    }

    private static ref int SlotFor(ref ReservedProperties reserved, string? key)
    {
        switch (key)
        {
            case "time":
                return ref reserved.Time;
            case "distinct_id":
                return ref reserved.DistinctId;
            case "$insert_id":
                return ref reserved.InsertId;
            case "ip":
                return ref reserved.Ip;
            case "token":
                return ref reserved.Token;
            default:
                return ref Unsafe.NullRef<int>();
        }
    }

    private bool TryResolveTime(
        IReadOnlyList<KeyValuePair<string, object?>> properties,
        int index,
        in EventWriteContext context,
        out long time)
    {
        var value = index < 0 ? null : properties[index].Value;
        var error = EventTime.TryNormalize(value, out time, out var message);
        if (error is { } code)
        {
            return Reject(code, "properties.time", message!);
        }

        var latest = context.NowMilliseconds + (long)MixpanelLimits.MaxFutureSkew.TotalMilliseconds;
        if (time < MixpanelLimits.MinEventTimeMilliseconds || time > latest)
        {
            return Reject(
                ValidationCode.TimeOutOfRange,
                "properties.time",
                $"'time' is {FormatInstant(time)}, outside the accepted window from 1971-01-01 to one hour from now.");
        }

        var trackEarliest = context.NowMilliseconds - (long)MixpanelLimits.MaxTrackEventAge.TotalMilliseconds;
        if (context.Endpoint == MixpanelIngestionEndpoint.Track && time < trackEarliest)
        {
            return Reject(
                ValidationCode.TimeTooOldForTrack,
                "properties.time",
                $"'time' is {FormatInstant(time)}, more than five days ago; /track drops such events, use /import.");
        }

        return true;
    }

    private bool TryResolveDistinctId(
        IReadOnlyList<KeyValuePair<string, object?>> properties,
        int index,
        out string? distinctId)
    {
        distinctId = null;
        var value = index < 0 ? null : properties[index].Value;
        switch (value)
        {
            case null:
            case JsonElement { ValueKind: JsonValueKind.Null }:
                return Reject(
                    ValidationCode.DistinctIdMissing,
                    "properties.distinct_id",
                    "The event has no 'distinct_id'.");
            case string text:
                distinctId = text;
                break;
            case JsonElement { ValueKind: JsonValueKind.String } element:
                distinctId = JsonStrings.GetString(element);
                break;
            default:
                return Reject(
                    ValidationCode.DistinctIdNotString,
                    "properties.distinct_id",
                    $"'distinct_id' has type {DescribeType(value)}; Mixpanel requires a string.");
        }

        if (!DistinctIds.IsPlaceholder(distinctId))
        {
            return true;
        }

        if (_placeholderPolicy == PlaceholderDistinctIdPolicy.Reject)
        {
            return Reject(
                ValidationCode.DistinctIdPlaceholder,
                "properties.distinct_id",
                $"'distinct_id' is the placeholder '{distinctId}', which Mixpanel rejects.");
        }

        Warn(
            ValidationCode.DistinctIdPlaceholderReplaced,
            "properties.distinct_id",
            $"'distinct_id' was the placeholder '{distinctId}' and is sent as \"\" (no user).");
        distinctId = string.Empty;
        return true;
    }

    private bool TryResolveInsertId(
        IReadOnlyList<KeyValuePair<string, object?>> properties,
        int index,
        out string? insertId)
    {
        insertId = index < 0 ? null : properties[index].Value switch
        {
            string text => text,
            JsonElement { ValueKind: JsonValueKind.String } element => JsonStrings.GetString(element),
            _ => null,
        };

        if (string.IsNullOrEmpty(insertId))
        {
            return Reject(
                ValidationCode.InsertIdMissing,
                "properties.$insert_id",
                "The event has no '$insert_id' string; without one Mixpanel cannot deduplicate resends.");
        }

        if (DistinctIds.IsPlaceholder(insertId))
        {
            return Reject(
                ValidationCode.InsertIdPlaceholder,
                "properties.$insert_id",
                $"'$insert_id' is the placeholder '{insertId}', which Mixpanel rejects.");
        }

        if (InsertIds.IsWellFormed(insertId))
        {
            return true;
        }

        if (_insertIdPolicy == InvalidInsertIdPolicy.Reject)
        {
            insertId = null;
            return Reject(
                ValidationCode.InsertIdInvalid,
                "properties.$insert_id",
                "'$insert_id' must be 1 to 36 letters, digits or '-'.");
        }

        var derived = InsertIds.Derive(insertId);
        Warn(
            ValidationCode.InsertIdDerived,
            "properties.$insert_id",
            $"'$insert_id' did not match [A-Za-z0-9-]{{1,36}} and was replaced with its hash {derived}.");
        insertId = derived;
        return true;
    }

    private static string FormatInstant(long milliseconds)
    {
        const long MaxMilliseconds = 253_402_300_799_999;
        return milliseconds is >= -62_135_596_800_000 and <= MaxMilliseconds
            ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds).ToString("O", CultureInfo.InvariantCulture)
            : milliseconds.ToString(CultureInfo.InvariantCulture) + " ms";
    }

    private static string DescribeType(object value) =>
        value is JsonElement element ? "JSON " + element.ValueKind : value.GetType().Name;
}
