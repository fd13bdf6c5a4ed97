namespace MixpanelSync.MixpanelEmulator;

/// <summary>
/// Mixpanel's per-event acceptance rules for /import and /track, applied to the facts of one scan.
/// </summary>
internal static class EventRules
{
    private const string TimeField = "properties.time";
    private const string DistinctIdField = "properties.distinct_id";
    private const string InsertIdField = "properties.$insert_id";

    public static RuleOutcome Evaluate(
        ReadOnlySpan<byte> json,
        ref EventFacts facts,
        in RuleContext context,
        out ResolvedEvent resolved,
        out ValidationFailure failure)
    {
        resolved = default;
        if (CheckShape(ref facts) is { } shapeFailure)
        {
            failure = shapeFailure;
            return RuleOutcome.Reject;
        }

        var timeOutcome = ResolveTime(ref facts, context, out var timeMs, out var rewrite, out failure);
        if (timeOutcome == RuleOutcome.Reject)
        {
            return RuleOutcome.Reject;
        }

        if (!TryResolveDistinctId(ref facts, context, out var distinctId, out failure)
            || !TryResolveInsertId(ref facts, context, out var insertId, out var generated, out failure))
        {
            return RuleOutcome.Reject;
        }

        var name = StringTruncation.Truncate(facts.Name!);
        if (IdentityEventRules.Check(json, name, context) is { } identityFailure)
        {
            failure = identityFailure;
            return RuleOutcome.Reject;
        }

        resolved = new ResolvedEvent(
            name,
            distinctId,
            timeMs,
            rewrite,
            facts.TimeOffset,
            facts.TimeLength,
            insertId,
            generated);
        return facts.HasIgnore ? RuleOutcome.Drop : timeOutcome;
    }

    private static ValidationFailure? CheckShape(ref EventFacts facts)
    {
        if (!facts.IsObject)
        {
            return facts.StructuralFailure;
        }

        if (facts.NameKind != ValueKind.String || string.IsNullOrEmpty(facts.Name))
        {
            return facts.StructuralFailure ?? ValidationFailure.Invalid("event", "must be a non-empty string");
        }

        if (!facts.HasProperties)
        {
            return facts.StructuralFailure ?? ValidationFailure.Invalid("properties", "must be a JSON object");
        }

        return facts.StructuralFailure;
    }

    private static RuleOutcome ResolveTime(
        ref EventFacts facts,
        in RuleContext context,
        out long timeMs,
        out TimeRewrite rewrite,
        out ValidationFailure failure)
    {
        var nowMs = context.Now.ToUnixTimeMilliseconds();
        failure = default;
        rewrite = TimeRewrite.Unchanged;
        timeMs = 0;
        if (facts.TimeKind == ValueKind.Missing && context.Endpoint == IngestionEndpoint.Track)
        {
            timeMs = nowMs - nowMs % 1000;
            rewrite = TimeRewrite.Seconds;
            return RuleOutcome.Accept;
        }

        if (facts.TimeKind != ValueKind.Number || !double.IsFinite(facts.Time))
        {
            failure = ValidationFailure.Invalid(TimeField, "must be specified as seconds since epoch");
            return RuleOutcome.Reject;
        }

        var inMilliseconds = facts.Time >= IngestionLimits.MillisecondThreshold;
        timeMs = (long)Math.Round(inMilliseconds ? facts.Time : facts.Time * 1000);
        return CheckTimeRange(nowMs, inMilliseconds, context.Endpoint, ref timeMs, ref rewrite, out failure);
    }

    private static RuleOutcome CheckTimeRange(
        long nowMs,
        bool inMilliseconds,
        IngestionEndpoint endpoint,
        ref long timeMs,
        ref TimeRewrite rewrite,
        out ValidationFailure failure)
    {
        failure = default;
        if (timeMs < IngestionLimits.MinTimeMilliseconds)
        {
            failure = ValidationFailure.Invalid(TimeField, "must be after 1971-01-01 (31536000 seconds since epoch)");
            return RuleOutcome.Reject;
        }

        if (timeMs > nowMs + (long)IngestionLimits.MaxFutureSkew.TotalMilliseconds)
        {
            failure = ValidationFailure.Invalid(TimeField, "must not be more than 1 hour in the future");
            return RuleOutcome.Reject;
        }

        if (timeMs > nowMs)
        {
            timeMs = inMilliseconds ? nowMs : nowMs - nowMs % 1000;
            rewrite = inMilliseconds ? TimeRewrite.Milliseconds : TimeRewrite.Seconds;
        }

        var tooOldForTrack = endpoint == IngestionEndpoint.Track
            && timeMs < nowMs - (long)IngestionLimits.MaxTrackAge.TotalMilliseconds;
        return tooOldForTrack ? RuleOutcome.Drop : RuleOutcome.Accept;
    }

    private static bool TryResolveDistinctId(
        ref EventFacts facts,
        in RuleContext context,
        out string distinctId,
        out ValidationFailure failure)
    {
        failure = default;
        distinctId = string.Empty;
        switch (facts.DistinctIdKind)
        {
            case ValueKind.Missing:
                return TryDeriveDistinctId(ref facts, context, out distinctId, out failure);
            case ValueKind.Other:
                failure = ValidationFailure.Invalid(DistinctIdField, "must be a string");
                return false;
            default:
                distinctId = StringTruncation.Truncate(facts.DistinctId!);
                return CheckNotPlaceholder(distinctId, DistinctIdField, out failure);
        }
    }

    private static bool TryDeriveDistinctId(
        ref EventFacts facts,
        in RuleContext context,
        out string distinctId,
        out ValidationFailure failure)
    {
        failure = default;
        distinctId = string.Empty;
        if (context.IdentityMode == EmulatorIdentityMode.Simplified && !string.IsNullOrEmpty(facts.UserId))
        {
            distinctId = StringTruncation.Truncate(facts.UserId);
            return true;
        }

        if (context.IdentityMode == EmulatorIdentityMode.Simplified && !string.IsNullOrEmpty(facts.DeviceId))
        {
            distinctId = StringTruncation.Truncate("$device:" + facts.DeviceId);
            return true;
        }

        // NOTE: /track would hash the request IP into a distinct_id when ip=1; the emulator stores "" instead.
        if (context.Endpoint == IngestionEndpoint.Track)
        {
            return true;
        }

        failure = ValidationFailure.Invalid(DistinctIdField, "must be specified");
        return false;
    }

    private static bool TryResolveInsertId(
        ref EventFacts facts,
        in RuleContext context,
        out string insertId,
        out bool generated,
        out ValidationFailure failure)
    {
        failure = default;
        generated = false;
        insertId = string.Empty;
        if (facts.InsertIdKind == ValueKind.Missing)
        {
            if (context.RequireInsertId)
            {
                failure = ValidationFailure.Invalid(InsertIdField, "must be specified");
                return false;
            }

            generated = true;
            insertId = Guid.NewGuid().ToString("N");
            return true;
        }

        if (!facts.InsertIdWellFormed)
        {
            failure = ValidationFailure.Invalid(
                InsertIdField,
                "must be a string of at most 36 characters from A-Z, a-z, 0-9 and '-'");
            return false;
        }

        insertId = facts.InsertId!;
        return CheckNotPlaceholder(insertId, InsertIdField, out failure);
    }

    private static bool CheckNotPlaceholder(string value, string field, out ValidationFailure failure)
    {
        failure = default;
        if (!PlaceholderIds.Contains(value))
        {
            return true;
        }

        failure = ValidationFailure.Invalid(field, $"\"{value}\" is a placeholder value, not an identifier");
        return false;
    }
}
