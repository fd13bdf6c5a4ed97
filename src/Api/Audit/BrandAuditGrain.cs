namespace MixpanelSync.Api.Audit;

/// <inheritdoc cref="IBrandAuditGrain"/>
/// <remarks>
/// NOTE: the log is capped at <see cref="IBrandAuditGrain.Capacity"/> entries per brand, because all of it is
/// written with every append; an audit trail kept for longer needs a table.
/// </remarks>
internal sealed class BrandAuditGrain(
    [PersistentState("audit")] IPersistentState<BrandAuditState> state) : Grain, IBrandAuditGrain
{
    public async Task AppendAsync(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        AppendCapped(state.State.Entries, entry, IBrandAuditGrain.Capacity);
        await state.WriteStateAsync();
    }

    /// <summary>Appends an entry to a list kept oldest first, dropping the oldest beyond the capacity.</summary>
    internal static void AppendCapped(List<AuditEntry> entries, AuditEntry entry, int capacity)
    {
        entries.Add(entry);
        if (entries.Count > capacity)
        {
            entries.RemoveRange(0, entries.Count - capacity);
        }
    }

    public Task<IReadOnlyList<AuditEntry>> ListAsync(int maxCount)
    {
        var count = Math.Clamp(maxCount, 1, IBrandAuditGrain.Capacity);
        IReadOnlyList<AuditEntry> newestFirst = state.State.Entries.AsEnumerable().Reverse().Take(count).ToList();
        return Task.FromResult(newestFirst);
    }
}
