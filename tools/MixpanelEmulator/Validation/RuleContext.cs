namespace MixpanelSync.MixpanelEmulator;

/// <summary>Request-wide inputs of the per-event rules.</summary>
/// <param name="Now">Server clock at the start of the request.</param>
/// <param name="Endpoint">Which endpoint's rules apply.</param>
/// <param name="RequireInsertId">Whether a missing $insert_id fails the event (strict /import) or is generated.</param>
/// <param name="IdentityMode">Identity system of the target project.</param>
/// <param name="PrivilegedCredentials">
/// Whether the request authenticated with a service account or project secret.
/// </param>
internal readonly record struct RuleContext(
    DateTimeOffset Now,
    IngestionEndpoint Endpoint,
    bool RequireInsertId,
    EmulatorIdentityMode IdentityMode,
    bool PrivilegedCredentials);
