using MixpanelSync.GrainInterfaces.Delivery;
using MixpanelSync.Grains.Hosting;
using MixpanelSync.Mixpanel;
using AccountCredentials = MixpanelSync.GrainInterfaces.Integration.ServiceAccountCredentials;
using Residency = MixpanelSync.GrainInterfaces.Integration.MixpanelResidency;

namespace MixpanelSync.Grains.Delivery;

/// <summary>Converts the grains' destinations and credentials into the delivery library's targets.</summary>
internal static class DeliveryTargets
{
    /// <summary>Creates the target of a destination, decrypting its secrets.</summary>
    public static MixpanelTarget Create(MixpanelDestination destination, SecretProtector protector)
    {
        var token = protector.Unprotect(destination.ProtectedToken);
        var account = destination is
        {
            ServiceAccountUsername: { } username,
            ProtectedServiceAccountSecret: { } secret,
            ProjectId: { } projectId,
        }
            ? new AccountCredentials(username, protector.Unprotect(secret), projectId)
            : null;
        return Create(destination.Residency, token, account);
    }

    /// <summary>
    /// Creates a target from plain credentials; the service account, when given, authenticates /import.
    /// </summary>
    public static MixpanelTarget Create(Residency residency, string token, AccountCredentials? account) =>
        account is null
            ? MixpanelTarget.ForProjectToken(ToLibrary(residency), token)
            : MixpanelTarget.ForServiceAccount(
                ToLibrary(residency),
                new ServiceAccountCredentials(account.Username, account.Secret, account.ProjectId),
                token);

    private static MixpanelResidency ToLibrary(Residency residency) => residency switch
    {
        Residency.Us => MixpanelResidency.Us,
        Residency.Eu => MixpanelResidency.Eu,
        Residency.India => MixpanelResidency.In,
        _ => throw new ArgumentOutOfRangeException(nameof(residency), residency, "Unknown residency."),
    };
}
