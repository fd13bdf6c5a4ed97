namespace MixpanelSync.Mixpanel;

/// <summary>The outcome of a credential check.</summary>
/// <param name="Status">The verdict.</param>
/// <param name="StatusCode">The HTTP status of the response, or <see langword="null"/> when none arrived.</param>
/// <param name="Message">A sentence for people that names the next step.</param>
public sealed record CredentialCheckResult(CredentialCheckStatus Status, int? StatusCode, string Message);
