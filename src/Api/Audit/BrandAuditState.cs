namespace MixpanelSync.Api.Audit;

/// <summary>The persisted state of <see cref="BrandAuditGrain"/>: entries oldest first.</summary>
[GenerateSerializer]
[Alias("mixpanel-sync.brand-audit-state")]
internal sealed class BrandAuditState
{
    [Id(0)]
    public List<AuditEntry> Entries { get; set; } = [];
}
