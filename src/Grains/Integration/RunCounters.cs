namespace MixpanelSync.Grains.Integration;

/// <summary>The counts of a run, or of a part of it that is added to the run when committed.</summary>
[GenerateSerializer]
[Alias("mixpanel-sync.run-counters")]
internal sealed class RunCounters
{
    [Id(0)] public long Read { get; set; }
    [Id(1)] public long Skipped { get; set; }
    [Id(2)] public long Sent { get; set; }
    [Id(3)] public long Imported { get; set; }
    [Id(4)] public Dictionary<string, long> RejectedByReason { get; init; } = new(StringComparer.Ordinal);
    [Id(5)] public long Retries { get; set; }
    [Id(6)] public long Bytes { get; set; }
    [Id(7)] public long ProfilesSent { get; set; }
    [Id(8)] public long ProfilesFailed { get; set; }

    public void AddRejection(string reason, long count = 1) =>
        RejectedByReason[reason] = RejectedByReason.GetValueOrDefault(reason) + count;

    public void Add(RunCounters other)
    {
        Read += other.Read;
        Skipped += other.Skipped;
        Sent += other.Sent;
        Imported += other.Imported;
        Retries += other.Retries;
        Bytes += other.Bytes;
        ProfilesSent += other.ProfilesSent;
        ProfilesFailed += other.ProfilesFailed;
        foreach (var (reason, count) in other.RejectedByReason)
        {
            AddRejection(reason, count);
        }
    }
}
