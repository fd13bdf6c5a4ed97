namespace MixpanelSync.Mixpanel;

/// <summary>Where a batch goes: the project's residency and the credentials that authenticate it.</summary>
/// <example>
/// <code>
/// var target = MixpanelTarget.ForProjectToken(MixpanelResidency.Eu, brandSettings.ProjectToken);
/// </code>
/// </example>
public sealed class MixpanelTarget
{
    private MixpanelTarget(MixpanelResidency residency, string? projectToken, ServiceAccountCredentials? serviceAccount)
    {
        if (!Enum.IsDefined(residency))
        {
            throw new ArgumentOutOfRangeException(
                nameof(residency),
                residency,
                "The residency must be set to Us, Eu or In to match the Mixpanel project.");
        }

        Residency = residency;
        ProjectToken = projectToken;
        ServiceAccount = serviceAccount;
    }

    /// <summary>The project's data residency.</summary>
    public MixpanelResidency Residency { get; }

    /// <summary>
    /// The project token: the Basic-auth user name for <c>/import</c> when there is no service account, and the
    /// <c>token</c> or <c>$token</c> in <c>/track</c> events and <c>/engage</c> updates.
    /// </summary>
    public string? ProjectToken { get; }

    /// <summary>The service account, which takes precedence over the token for <c>/import</c>.</summary>
    public ServiceAccountCredentials? ServiceAccount { get; }

    /// <summary>Creates a target authenticated by the project token with an empty password.</summary>
    /// <exception cref="ArgumentException">The token is empty or the residency is not set.</exception>
    public static MixpanelTarget ForProjectToken(MixpanelResidency residency, string projectToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectToken);
        return new MixpanelTarget(residency, projectToken, serviceAccount: null);
    }

    /// <summary>Creates a target authenticated by a service account.</summary>
    /// <param name="residency">The project's data residency.</param>
    /// <param name="serviceAccount">The service account and project id.</param>
    /// <param name="projectToken">The project token, needed only for <c>/track</c> and <c>/engage</c>.</param>
    public static MixpanelTarget ForServiceAccount(
        MixpanelResidency residency,
        ServiceAccountCredentials serviceAccount,
        string? projectToken = null)
    {
        ArgumentNullException.ThrowIfNull(serviceAccount);
        return new MixpanelTarget(residency, projectToken, serviceAccount);
    }

    /// <summary>Describes the credentials without revealing them, for logs and error messages.</summary>
    public string DescribeCredentials() => ServiceAccount is { } account
        ? $"{account} ({Residency})"
        : $"project token {Secrets.Mask(ProjectToken)} ({Residency})";

    /// <summary>Returns <see cref="DescribeCredentials"/>; the token and secret are masked.</summary>
    public override string ToString() => DescribeCredentials();
}
