namespace MixpanelSync.Events.Schema;

/// <summary>One property of an event type in the schema.</summary>
/// <param name="Name">The property name in the brand event and in the Mixpanel event.</param>
/// <param name="Kind">The value type.</param>
/// <param name="Required">Whether every event of the type must have it.</param>
/// <param name="Description">What the value means, with its unit.</param>
/// <param name="RequiredWith">
/// The name of another property that makes this one required when present, such as the currency of an amount.
/// </param>
public sealed record PropertyDefinition(
    string Name,
    PropertyKind Kind,
    bool Required,
    string Description,
    string? RequiredWith = null);
