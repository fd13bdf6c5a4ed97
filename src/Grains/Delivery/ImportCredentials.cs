using MixpanelSync.GrainInterfaces.Integration;

namespace MixpanelSync.Grains.Delivery;

/// <summary>Decrypted credentials and residency of one /import request. Never logged.</summary>
/// <param name="Residency">The project's data residency.</param>
/// <param name="Token">The project token.</param>
/// <param name="ServiceAccountUsername">
/// The service account's user name, or <see langword="null"/> for token auth.
/// </param>
/// <param name="ServiceAccountSecret">The service account's secret.</param>
/// <param name="ProjectId">The project id that service-account requests name.</param>
public sealed record ImportCredentials(
    MixpanelResidency Residency,
    string Token,
    string? ServiceAccountUsername,
    string? ServiceAccountSecret,
    string? ProjectId)
{
    /// <summary>Returns the residency only, so that credentials cannot leak through logs.</summary>
    public override string ToString() => $"ImportCredentials {{ Residency = {Residency} }}";
}
