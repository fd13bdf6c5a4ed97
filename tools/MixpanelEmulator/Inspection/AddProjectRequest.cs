namespace MixpanelSync.MixpanelEmulator;

/// <summary>Body of POST /_emulator/projects.</summary>
internal sealed record AddProjectRequest(
    string Token,
    string? ProjectId = null,
    EmulatorResidency Residency = EmulatorResidency.Us,
    EmulatorIdentityMode IdentityMode = EmulatorIdentityMode.Simplified,
    string? ServiceAccountUsername = null,
    string? ServiceAccountSecret = null,
    string? ApiSecret = null)
{
    public EmulatorProject ToProject() => new(Token)
    {
        ProjectId = ProjectId,
        Residency = Residency,
        IdentityMode = IdentityMode,
        ApiSecret = ApiSecret,
        ServiceAccount = ServiceAccountUsername is { Length: > 0 } username
            ? new EmulatorServiceAccount(username, ServiceAccountSecret ?? string.Empty)
            : null,
    };
}
