namespace MixpanelSync.Mixpanel;

internal sealed partial class EventWriter
{
    /// <summary>Mixpanel accepts at most 2000 properties per user profile.</summary>
    private const int MaxProfileProperties = 2000;

    /// <summary>
    /// Validates a profile update and, unless it is rejected, appends it as one JSON line:
    /// <c>{"$token":…,"$distinct_id":…,"$ip":"0","$set":{…}}</c>. <c>$ip</c> "0" stops Mixpanel from placing the
    /// user at our server's address.
    /// </summary>
    public EventValidationResult WriteProfile(ProfileUpdate update, PooledBufferWriter output, string projectToken)
    {
        _warnings = null;
        _rejection = null;
        _path.Clear();
        var start = output.WrittenCount;
        if (!TryWriteProfile(update, output, projectToken))
        {
            _json.Reset(Stream.Null);
            output.Truncate(start);
            return new EventValidationResult(update.SourceKey, _rejection, _warnings, 0, null, 0);
        }

        var byteCount = output.WrittenCount - start;
        output.WriteByte((byte)'\n');
        return new EventValidationResult(update.SourceKey, null, _warnings, 0, update.DistinctId, byteCount);
    }

    private bool TryWriteProfile(ProfileUpdate update, PooledBufferWriter output, string projectToken)
    {
        if (string.IsNullOrWhiteSpace(update.DistinctId) || DistinctIds.IsPlaceholder(update.DistinctId))
        {
            return Reject(
                ValidationCode.DistinctIdMissing,
                "$distinct_id",
                $"The profile update has no usable '$distinct_id' ('{update.DistinctId}').");
        }

        var properties = update.Properties ?? [];
        if (properties.Count > MaxProfileProperties)
        {
            return Reject(
                ValidationCode.TooManyProperties,
                "properties",
                $"The update sets {properties.Count} properties, "
                + $"but a Mixpanel profile can have at most {MaxProfileProperties}.");
        }

        if (update.Operation == ProfileOperation.Delete)
        {
            return TryWriteDelete(update, output, projectToken);
        }

        _json.Reset(output);
        _json.WriteStartObject();
        _json.WriteString("$token"u8, projectToken);
        _json.WriteString("$distinct_id"u8, update.DistinctId);
        _json.WriteString("$ip"u8, "0");
        _json.WritePropertyName(update.Operation == ProfileOperation.SetOnce ? "$set_once"u8 : "$set"u8);
        _json.WriteStartObject();
        foreach (var (key, value) in properties)
        {
            if (!WriteMember(key ?? string.Empty, null, value, level: 1) || EventBytes >= _maxEventBytes)
            {
                return _rejection is not null ? false : RejectTooLarge();
            }
        }

        _json.WriteEndObject();
        _json.WriteEndObject();
        _json.Flush();
        return CheckEventSize();
    }

    /// <summary>
    /// Writes <c>{"$token":…,"$distinct_id":…,"$delete":"","$ignore_alias":…}</c>. Mixpanel ignores the value of
    /// <c>$delete</c> and finds the profile by <c>$distinct_id</c>.
    /// </summary>
    private bool TryWriteDelete(ProfileUpdate update, PooledBufferWriter output, string projectToken)
    {
        if (update.Properties is { Count: > 0 })
        {
            return Reject(
                ValidationCode.TooManyProperties,
                "properties",
                $"A $delete update takes no properties, but {update.Properties.Count} were given.");
        }

        _json.Reset(output);
        _json.WriteStartObject();
        _json.WriteString("$token"u8, projectToken);
        _json.WriteString("$distinct_id"u8, update.DistinctId);
        _json.WriteString("$delete"u8, "");
        _json.WriteBoolean("$ignore_alias"u8, update.IgnoreAlias);
        _json.WriteEndObject();
        _json.Flush();
        return CheckEventSize();
    }
}
