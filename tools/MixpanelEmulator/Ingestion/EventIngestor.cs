namespace MixpanelSync.MixpanelEmulator;

/// <summary>Validates one event and adds it to a batch as stored, dropped or failed.</summary>
internal static class EventIngestor
{
    public static void Ingest(
        ReadOnlySpan<byte> json,
        ref EventFacts facts,
        int index,
        in RuleContext context,
        in IngestionStamp stamp,
        EventNormalizer normalizer,
        EventBatch batch)
    {
        var outcome = EventRules.Evaluate(json, ref facts, context, out var resolved, out var failure);
        switch (outcome)
        {
            case RuleOutcome.Reject:
                var insertId = facts.InsertIdKind is ValueKind.String or ValueKind.Number
                    ? facts.InsertId!
                    : string.Empty;
                batch.Failed.Add(new FailedRecord(index, insertId, failure.Field, failure.Message));
                return;
            case RuleOutcome.Drop:
                batch.Dropped++;
                return;
            default:
                var stored = normalizer.Normalize(json, resolved, stamp);
                batch.Stored.Add(new StoredEvent(
                    resolved.Name,
                    resolved.DistinctId,
                    resolved.TimeMilliseconds,
                    resolved.InsertId,
                    resolved.InsertIdGenerated,
                    context.Endpoint == IngestionEndpoint.Import ? "/import" : "/track",
                    stored));
                return;
        }
    }
}
