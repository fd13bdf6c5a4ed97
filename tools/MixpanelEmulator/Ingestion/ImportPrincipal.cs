namespace MixpanelSync.MixpanelEmulator;

/// <summary>
/// The project an /import request authenticated for, and whether it used a service account or secret.
/// </summary>
internal sealed record ImportPrincipal(ProjectState Project, bool Privileged);
