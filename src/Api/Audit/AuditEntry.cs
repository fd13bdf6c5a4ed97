namespace MixpanelSync.Api.Audit;

/// <summary>One audited action on a brand.</summary>
/// <param name="At">When the action finished.</param>
/// <param name="Actor"><c>operator</c>, or <c>brand-key:</c> followed by the brand key's last 4 characters.</param>
/// <param name="Action">What was done, one of <see cref="AuditActions"/>.</param>
/// <param name="Succeeded">Whether the action took effect.</param>
/// <param name="Detail">The outcome as a sentence, such as the run id or why it failed; never a secret.</param>
[GenerateSerializer]
[Alias("mixpanel-sync.audit-entry")]
public sealed record AuditEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Actor,
    [property: Id(2)] string Action,
    [property: Id(3)] bool Succeeded,
    [property: Id(4)] string Detail);
