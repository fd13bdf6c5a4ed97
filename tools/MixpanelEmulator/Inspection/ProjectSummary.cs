namespace MixpanelSync.MixpanelEmulator;

/// <summary>A project as the inspection API lists it.</summary>
internal sealed record ProjectSummary(
    string Token,
    string? ProjectId,
    EmulatorResidency Residency,
    EmulatorIdentityMode IdentityMode,
    bool HasServiceAccount,
    bool HasApiSecret,
    int StoredEvents)
{
    public static ProjectSummary From(ProjectState state) => new(
        state.Project.Token,
        state.Project.ProjectId,
        state.Project.Residency,
        state.Project.IdentityMode,
        state.Project.ServiceAccount is not null,
        state.Project.ApiSecret is not null,
        state.Events.Count);
}
