namespace MixpanelSync.Api.Audit;

/// <summary>
/// The audit log of one brand, keyed by brand id. It keeps the most recent <see cref="Capacity"/> entries and drops
/// older ones.
/// </summary>
[Alias("mixpanel-sync.brand-audit")]
public interface IBrandAuditGrain : IGrainWithStringKey
{
    /// <summary>The number of entries kept per brand.</summary>
    const int Capacity = 1000;

    /// <summary>Appends an entry, dropping the oldest when the log is full.</summary>
    [Alias("append")]
    Task AppendAsync(AuditEntry entry);

    /// <summary>Lists the most recent entries, newest first.</summary>
    /// <param name="maxCount">The maximum number of entries, 1 to <see cref="Capacity"/>.</param>
    [Alias("list")]
    Task<IReadOnlyList<AuditEntry>> ListAsync(int maxCount);
}
