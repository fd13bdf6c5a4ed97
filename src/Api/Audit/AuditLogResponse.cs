namespace MixpanelSync.Api.Audit;

/// <summary>A brand's most recent audit entries, newest first.</summary>
/// <param name="Entries">The entries.</param>
/// <param name="Capacity">How many entries are kept per brand; older ones are dropped.</param>
public sealed record AuditLogResponse(IReadOnlyList<AuditEntryResponse> Entries, int Capacity);
