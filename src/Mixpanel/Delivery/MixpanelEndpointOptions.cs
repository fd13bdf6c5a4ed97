namespace MixpanelSync.Mixpanel;

/// <summary>
/// Operator configuration of the ingestion host for each residency. Brands choose only the residency; these
/// addresses change only to point tests and demonstrations at a local emulator.
/// </summary>
public sealed class MixpanelEndpointOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Mixpanel:Endpoints";

    /// <summary>The host for <see cref="MixpanelResidency.Us"/> projects.</summary>
    /// <value>Default <c>https://api.mixpanel.com</c>.</value>
    public Uri UsBaseAddress { get; set; } = new("https://api.mixpanel.com");

    /// <summary>The host for <see cref="MixpanelResidency.Eu"/> projects.</summary>
    /// <value>Default <c>https://api-eu.mixpanel.com</c>.</value>
    public Uri EuBaseAddress { get; set; } = new("https://api-eu.mixpanel.com");

    /// <summary>The host for <see cref="MixpanelResidency.In"/> projects.</summary>
    /// <value>Default <c>https://api-in.mixpanel.com</c>.</value>
    public Uri InBaseAddress { get; set; } = new("https://api-in.mixpanel.com");

    /// <summary>Returns the base address for the residency.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The residency is not a defined value.</exception>
    public Uri GetBaseAddress(MixpanelResidency residency) => residency switch
    {
        MixpanelResidency.Us => UsBaseAddress,
        MixpanelResidency.Eu => EuBaseAddress,
        MixpanelResidency.In => InBaseAddress,
        _ => throw new ArgumentOutOfRangeException(nameof(residency), residency, "Unknown residency."),
    };
}
