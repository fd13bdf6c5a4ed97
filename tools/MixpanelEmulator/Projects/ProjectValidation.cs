namespace MixpanelSync.MixpanelEmulator;

internal static class ProjectValidation
{
    public static void Validate(EmulatorProject project)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentException.ThrowIfNullOrWhiteSpace(project.Token, nameof(EmulatorProject.Token));
        if (project.ServiceAccount is { } account)
        {
            ArgumentException.ThrowIfNullOrEmpty(account.Username, nameof(EmulatorServiceAccount.Username));
            ArgumentException.ThrowIfNullOrEmpty(account.Secret, nameof(EmulatorServiceAccount.Secret));
            if (string.IsNullOrEmpty(project.ProjectId))
            {
                throw new ArgumentException(
                    $"Project {TokenMask.Mask(project.Token)} has a service account but no ProjectId; set ProjectId.",
                    nameof(project));
            }
        }

        if (project.RateLimit is { } limit)
        {
            RateLimitValidation.Validate(limit);
        }
    }
}
