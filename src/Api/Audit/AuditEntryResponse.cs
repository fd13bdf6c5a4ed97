namespace MixpanelSync.Api.Audit;

/// <summary>One audited action.</summary>
/// <param name="At">When the action finished.</param>
/// <param name="Actor"><c>operator</c>, or <c>brand-key:</c> and the brand key's last 4 characters.</param>
/// <param name="Action">
/// <c>connect</c>, <c>update-settings</c>, <c>sync-now</c>, <c>backfill</c>, <c>replay</c>, <c>disconnect</c>,
/// <c>create-key</c> or <c>revoke-key</c>.
/// </param>
/// <param name="Outcome"><c>succeeded</c> or <c>failed</c>.</param>
/// <param name="Detail">What happened.</param>
public sealed record AuditEntryResponse(
    DateTimeOffset At,
    string Actor,
    string Action,
    string Outcome,
    string Detail)
{
    internal static AuditEntryResponse From(AuditEntry entry) => new(
        entry.At,
        entry.Actor,
        entry.Action,
        entry.Succeeded ? "succeeded" : "failed",
        entry.Detail);
}
