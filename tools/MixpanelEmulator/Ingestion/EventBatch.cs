namespace MixpanelSync.MixpanelEmulator;

/// <summary>Outcome of validating the events of one request for one project.</summary>
internal sealed class EventBatch
{
    public List<StoredEvent> Stored { get; } = [];

    public List<FailedRecord> Failed { get; } = [];

    /// <summary>Events accepted without storing: $ignore, or older than five days on /track.</summary>
    public int Dropped { get; set; }

    /// <summary>Mixpanel's num_records_imported: stored plus silently dropped events.</summary>
    public int Imported => Stored.Count + Dropped;
}
