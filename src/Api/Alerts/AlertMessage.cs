namespace MixpanelSync.Api.Alerts;

/// <summary>The JSON body POSTed to <c>Api:AlertWebhookUrl</c>.</summary>
/// <param name="BrandId">The brand whose state changed.</param>
/// <param name="Alert"><c>enteredError</c>, <c>enteredDegraded</c> or <c>recovered</c>.</param>
/// <param name="State">The state now, such as <c>error</c>.</param>
/// <param name="PreviousState">The state before.</param>
/// <param name="Reason">Why the brand is degraded or in error, or <see langword="null"/>.</param>
/// <param name="ObservedAt">When the change was observed; it happened at most one poll interval earlier.</param>
public sealed record AlertMessage(
    string BrandId,
    string Alert,
    string State,
    string PreviousState,
    string? Reason,
    DateTimeOffset ObservedAt);
