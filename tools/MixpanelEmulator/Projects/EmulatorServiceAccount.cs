namespace MixpanelSync.MixpanelEmulator;

/// <summary>
/// A service account allowed on one project. /import accepts it as HTTP Basic <c>username:secret</c>
/// together with the <c>project_id</c> query parameter.
/// </summary>
/// <param name="Username">Service account user name.</param>
/// <param name="Secret">Service account secret.</param>
public sealed record EmulatorServiceAccount(string Username, string Secret)
{
    /// <summary>Role on the project.</summary>
    /// <value>Defaults to <see cref="EmulatorServiceAccountRole.Owner"/>.</value>
    public EmulatorServiceAccountRole Role { get; init; } = EmulatorServiceAccountRole.Owner;

    /// <summary>Instant after which the account is rejected with 401, or <see langword="null"/> for never.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }
}
