namespace MixpanelSync.MixpanelEmulator;

/// <summary>A Mixpanel project that the emulator accepts data for.</summary>
/// <param name="Token">
/// Project token: the /import Basic user name and the routing key of /track, /engage and /groups.
/// </param>
public sealed record EmulatorProject(string Token)
{
    /// <summary>Numeric project id that service-account requests pass as <c>project_id</c>.</summary>
    /// <value>Defaults to <see langword="null"/>, which rejects service-account requests.</value>
    public string? ProjectId { get; init; }

    /// <summary>Service account allowed to import into this project, if any.</summary>
    public EmulatorServiceAccount? ServiceAccount { get; init; }

    /// <summary>Deprecated project secret, accepted as the /import Basic user name with an empty password.</summary>
    public string? ApiSecret { get; init; }

    /// <summary>Residency whose port ingests this project's data.</summary>
    /// <value>Defaults to <see cref="EmulatorResidency.Us"/>.</value>
    public EmulatorResidency Residency { get; init; } = EmulatorResidency.Us;

    /// <summary>Identity management system of the project.</summary>
    /// <value>Defaults to <see cref="EmulatorIdentityMode.Simplified"/>, Mixpanel's default since April 2024.</value>
    public EmulatorIdentityMode IdentityMode { get; init; } = EmulatorIdentityMode.Simplified;

    /// <summary>
    /// Rate limit of this project, or <see langword="null"/> for <see cref="MixpanelEmulatorOptions.RateLimit"/>.
    /// </summary>
    public EmulatorRateLimit? RateLimit { get; init; }
}
