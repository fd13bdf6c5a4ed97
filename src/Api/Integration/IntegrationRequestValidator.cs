using MixpanelSync.Api.Http;
using MixpanelSync.Events.Schema;
using MixpanelSync.GrainInterfaces.Integration;

namespace MixpanelSync.Api.Integration;

/// <summary>
/// Checks connect and update bodies field by field and converts them to the grain's records. Each error is keyed
/// by the field's JSON path, such as <c>schedule.hour</c>, and states the fix.
/// </summary>
internal static class IntegrationRequestValidator
{
    private const int MaxTokenLength = 255;
    private const int MaxPrefixLength = 50;

    // Mixpanel's limit on event and property names.
    private const int MaxNameLength = 255;

    public static ConnectRequest? ToConnectRequest(ConnectIntegrationRequest body, Dictionary<string, string[]> errors)
    {
        var token = ValidateToken(body.ProjectToken, errors, required: true);
        var residency = ValidateResidency(body.Residency, errors, required: true);
        SyncSchedule? schedule = null;
        if (body.Schedule is null)
        {
            errors["schedule"] = ["The schedule is missing. Give frequency, hour and timeZone."];
        }
        else
        {
            schedule = ValidateSchedule(body.Schedule, errors);
        }

        var serviceAccount = ValidateServiceAccount(body.ServiceAccount, errors);
        var mapping = ValidateMapping(body.Mapping, errors);
        return errors.Count > 0
            ? null
            : new ConnectRequest(token!, residency!.Value, schedule!, serviceAccount, mapping);
    }

    public static SettingsUpdate? ToSettingsUpdate(UpdateIntegrationRequest body, Dictionary<string, string[]> errors)
    {
        var token = ValidateToken(body.ProjectToken, errors, required: false);
        var residency = ValidateResidency(body.Residency, errors, required: false);
        var schedule = body.Schedule is null ? null : ValidateSchedule(body.Schedule, errors);
        var serviceAccount = ValidateServiceAccount(body.ServiceAccount, errors);
        var mapping = ValidateMapping(body.Mapping, errors);
        if (body.RemoveServiceAccount == true && body.ServiceAccount is not null)
        {
            errors["removeServiceAccount"] =
                ["Give either serviceAccount or removeServiceAccount, not both."];
        }

        return errors.Count > 0
            ? null
            : new SettingsUpdate(
                token,
                residency,
                schedule,
                serviceAccount,
                body.RemoveServiceAccount ?? false,
                mapping);
    }

    private static string? ValidateToken(string? token, Dictionary<string, string[]> errors, bool required)
    {
        if (token is null)
        {
            if (required)
            {
                errors["projectToken"] = ["The project token is missing. Copy it from the Mixpanel project settings."];
            }

            return null;
        }

        if (string.IsNullOrWhiteSpace(token) || token.Length > MaxTokenLength || token.Any(char.IsWhiteSpace))
        {
            errors["projectToken"] =
            [
                $"The project token must be 1 to {MaxTokenLength} characters without spaces. "
                + "Copy it from the Mixpanel project settings.",
            ];
            return null;
        }

        return token;
    }

    private static MixpanelResidency? ValidateResidency(
        string? residency,
        Dictionary<string, string[]> errors,
        bool required)
    {
        if (residency is null)
        {
            if (required)
            {
                errors["residency"] = [$"The residency is missing. Use one of {ApiText.NamesOf<MixpanelResidency>()}."];
            }

            return null;
        }

        if (!ApiText.TryParse<MixpanelResidency>(residency, out var value))
        {
            errors["residency"] =
                [$"The residency '{residency}' is unknown. Use one of {ApiText.NamesOf<MixpanelResidency>()}."];
            return null;
        }

        return value;
    }

    private static SyncSchedule? ValidateSchedule(ScheduleRequest schedule, Dictionary<string, string[]> errors)
    {
        var before = errors.Count;
        SyncFrequency frequency = default;
        if (!ApiText.TryParse(schedule.Frequency, out frequency))
        {
            errors["schedule.frequency"] = schedule.Frequency is null
                ? [$"The frequency is missing. Use one of {ApiText.NamesOf<SyncFrequency>()}."]
                : [$"The frequency '{schedule.Frequency}' is unknown. Use one of {ApiText.NamesOf<SyncFrequency>()}."];
        }

        if (schedule.Hour is not (>= 0 and <= 23))
        {
            errors["schedule.hour"] = schedule.Hour is null
                ? ["The hour is missing. Give the local hour of day, 0 to 23."]
                : [$"The hour {schedule.Hour} is out of range. Use 0 to 23."];
        }

        var weekday = ValidateWeekday(schedule, frequency, errors);
        var dayOfMonth = ValidateDayOfMonth(schedule, frequency, errors);
        ValidateTimeZone(schedule.TimeZone, errors);
        return errors.Count > before
            ? null
            : new SyncSchedule(frequency, schedule.Hour!.Value, weekday, dayOfMonth, schedule.TimeZone!);
    }

    private static DayOfWeek ValidateWeekday(
        ScheduleRequest schedule,
        SyncFrequency frequency,
        Dictionary<string, string[]> errors)
    {
        var names = ApiText.NamesOf<DayOfWeek>();
        if (schedule.Weekday is null)
        {
            if (frequency == SyncFrequency.Weekly && schedule.Frequency is not null)
            {
                errors["schedule.weekday"] = [$"Weekly schedules need a weekday. Use one of {names}."];
            }

            return DayOfWeek.Monday;
        }

        if (!ApiText.TryParse<DayOfWeek>(schedule.Weekday, out var weekday))
        {
            errors["schedule.weekday"] = [$"The weekday '{schedule.Weekday}' is invalid. Use one of {names}."];
        }

        return weekday;
    }

    private static int ValidateDayOfMonth(
        ScheduleRequest schedule,
        SyncFrequency frequency,
        Dictionary<string, string[]> errors)
    {
        if (schedule.DayOfMonth is null)
        {
            if (frequency == SyncFrequency.Monthly && schedule.Frequency is not null)
            {
                errors["schedule.dayOfMonth"] = ["Monthly schedules need a dayOfMonth, 1 to 31."];
            }

            return 1;
        }

        if (schedule.DayOfMonth is < 1 or > 31)
        {
            errors["schedule.dayOfMonth"] =
            [
                $"The day of month {schedule.DayOfMonth} is invalid. Use 1 to 31; "
                + "months without that day run on their last day.",
            ];
        }

        return schedule.DayOfMonth.Value;
    }

    private static void ValidateTimeZone(string? timeZone, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(timeZone))
        {
            errors["schedule.timeZone"] = ["The time zone is missing. Use an IANA id such as Europe/Oslo."];
        }
        else if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
        {
            errors["schedule.timeZone"] =
                [$"The time zone '{timeZone}' is unknown. Use an IANA id such as Europe/Oslo or UTC."];
        }
    }

    private static ServiceAccountCredentials? ValidateServiceAccount(
        ServiceAccountRequest? account,
        Dictionary<string, string[]> errors)
    {
        if (account is null)
        {
            return null;
        }

        AddIfBlank(errors, account.Username, "serviceAccount.username", "The service account's user name is missing.");
        AddIfBlank(errors, account.Secret, "serviceAccount.secret", "The service account's secret is missing.");
        if (string.IsNullOrWhiteSpace(account.ProjectId) || !account.ProjectId.All(char.IsAsciiDigit))
        {
            errors["serviceAccount.projectId"] =
                ["The project id must be the numeric Mixpanel project id, such as 3141592."];
        }

        return errors.Keys.Any(key => key.StartsWith("serviceAccount.", StringComparison.Ordinal))
            ? null
            : new ServiceAccountCredentials(account.Username!, account.Secret!, account.ProjectId!);
    }

    private static MappingSettings? ValidateMapping(MappingRequest? mapping, Dictionary<string, string[]> errors)
    {
        if (mapping is null)
        {
            return null;
        }

        var prefix = mapping.EventNamePrefix ?? string.Empty;
        if (prefix.Length > MaxPrefixLength || prefix.StartsWith('$'))
        {
            errors["mapping.eventNamePrefix"] =
                [$"The prefix must be at most {MaxPrefixLength} characters and must not start with '$'."];
        }

        var excluded = mapping.ExcludedEventTypes ?? [];
        var unknown = excluded.Where(type => EventSchema.Find(type) is null).ToList();
        if (unknown.Count > 0)
        {
            errors["mapping.excludedEventTypes"] =
            [
                $"Unknown event types: {string.Join(", ", unknown)}. Use types of the event schema, such as "
                + "video_view or like.",
            ];
        }

        var identityMerge = IdentityMergeMode.Simplified;
        if (mapping.IdentityMerge is not null && !ApiText.TryParse(mapping.IdentityMerge, out identityMerge))
        {
            errors["mapping.identityMerge"] =
            [
                $"The identity merge mode '{mapping.IdentityMerge}' is unknown. Use one of "
                + $"{ApiText.NamesOf<IdentityMergeMode>()}, as in the Mixpanel project's identity settings.",
            ];
        }

        var eventNames = ValidateEventNames(mapping.EventNames, prefix.Length, errors);
        var allowed = ValidateAllowedCustomProperties(mapping.AllowedCustomProperties, errors);
        return new MappingSettings(
            prefix,
            [.. excluded.Distinct()],
            mapping.IncludeContext ?? true,
            identityMerge,
            eventNames,
            allowed,
            mapping.PushProfiles ?? false);
    }

    private static Dictionary<string, string>? ValidateEventNames(
        IReadOnlyDictionary<string, string>? eventNames,
        int prefixLength,
        Dictionary<string, string[]> errors)
    {
        if (eventNames is null || eventNames.Count == 0)
        {
            return null;
        }

        var unknown = eventNames.Keys.Where(type => EventSchema.Find(type) is null).ToList();
        if (unknown.Count > 0)
        {
            errors["mapping.eventNames"] =
            [
                $"Unknown event types: {string.Join(", ", unknown)}. Use types of the event schema, such as "
                + "video_view or like, as keys.",
            ];
        }

        var maxLength = MaxNameLength - prefixLength;
        foreach (var (type, name) in eventNames.Where(pair => EventSchema.Find(pair.Key) is not null))
        {
            var field = $"mapping.eventNames.{type}";
            if (string.IsNullOrWhiteSpace(name) || name.Length > maxLength)
            {
                errors[field] =
                [
                    $"The event name for {type} must have 1 to {maxLength} characters, so that with the prefix it "
                    + $"stays within Mixpanel's {MaxNameLength}.",
                ];
            }
            else if (name.StartsWith('$'))
            {
                errors[field] =
                [
                    $"The event name '{name}' for {type} starts with '$', which marks Mixpanel's own events such as "
                    + "$identify. Choose a name without the '$'.",
                ];
            }
        }

        return new Dictionary<string, string>(eventNames, StringComparer.Ordinal);
    }

    private static List<string>? ValidateAllowedCustomProperties(
        IReadOnlyList<string>? properties,
        Dictionary<string, string[]> errors)
    {
        if (properties is null)
        {
            return null;
        }

        var invalid = properties.Where(name => string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength).ToList();
        if (invalid.Count > 0)
        {
            var shown = string.Join(", ", invalid.Select(name => $"'{Shorten(name)}'"));
            errors["mapping.allowedCustomProperties"] =
            [
                $"Property names must have 1 to {MaxNameLength} non-blank characters. Fix or remove {shown}.",
            ];
        }

        return [.. properties.Distinct(StringComparer.Ordinal)];
    }

    private static string Shorten(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        return value.Length <= 40 ? value : value[..40] + "...";
    }

    private static void AddIfBlank(Dictionary<string, string[]> errors, string? value, string field, string reason)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = [reason];
        }
    }
}
