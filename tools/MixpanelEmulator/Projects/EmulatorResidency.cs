namespace MixpanelSync.MixpanelEmulator;

/// <summary>
/// Data residency of a Mixpanel project. Mixpanel serves each residency from its own host
/// (api.mixpanel.com, api-eu.mixpanel.com, api-in.mixpanel.com); the emulator gives each one its own loopback port.
/// </summary>
public enum EmulatorResidency
{
    /// <summary>United States, served by api.mixpanel.com.</summary>
    Us,

    /// <summary>European Union, served by api-eu.mixpanel.com.</summary>
    Eu,

    /// <summary>India, served by api-in.mixpanel.com.</summary>
    India,
}
