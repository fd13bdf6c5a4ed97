using MixpanelSync.GrainInterfaces.Integration;

namespace MixpanelSync.GrainInterfaces.Delivery;

/// <summary>Where a batch goes. Secrets travel encrypted with the cluster's Data Protection keys.</summary>
/// <param name="Residency">The project's data residency.</param>
/// <param name="ProtectedToken">The project token, encrypted.</param>
/// <param name="ServiceAccountUsername">The service account's user name, or <see langword="null"/>.</param>
/// <param name="ProtectedServiceAccountSecret">
/// The service account's secret, encrypted, or <see langword="null"/>.
/// </param>
/// <param name="ProjectId">The project id that service-account requests name, or <see langword="null"/>.</param>
/// <param name="ProjectKey">The key of the project's rate budget: a hash of the token, never the token.</param>
[GenerateSerializer]
[Alias("mixpanel-sync.destination")]
public sealed record MixpanelDestination(
    [property: Id(0)] MixpanelResidency Residency,
    [property: Id(1)] string ProtectedToken,
    [property: Id(2)] string? ServiceAccountUsername,
    [property: Id(3)] string? ProtectedServiceAccountSecret,
    [property: Id(4)] string? ProjectId,
    [property: Id(5)] string ProjectKey);
