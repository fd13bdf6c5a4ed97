namespace MixpanelSync.MixpanelEmulator;

internal static class ResidencyHosts
{
    public static string Of(EmulatorResidency residency) => residency switch
    {
        EmulatorResidency.Eu => "api-eu.mixpanel.com",
        EmulatorResidency.India => "api-in.mixpanel.com",
        _ => "api.mixpanel.com",
    };
}
