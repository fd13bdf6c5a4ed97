using System.Security.Cryptography;
using System.Text;

namespace MixpanelSync.MixpanelEmulator;

/// <summary>
/// Checks /import credentials: a service account with <c>project_id</c>, or a project token or project secret as
/// the Basic user name with an empty password and no <c>project_id</c>.
/// </summary>
internal static class ImportAuthenticator
{
    // NOTE: Mixpanel also accepts OAuth bearer tokens on /import; their format is undocumented, so the emulator
    // rejects every Bearer header with 401.
    public static ImportPrincipal? Authenticate(HttpRequest request, ProjectRegistry projects, DateTimeOffset now)
    {
        if (BasicCredentials.Parse(request.Headers.Authorization.ToString()) is not { } credentials)
        {
            return null;
        }

        var projectId = request.Query["project_id"].ToString();
        var principal = projectId.Length > 0
            ? AuthenticateServiceAccount(credentials, projects.FindByProjectId(projectId), now)
            : AuthenticateProjectKey(credentials, projects);
        return principal is { Project.Faults.IsTokenRevoked: false } ? principal : null;
    }

    private static ImportPrincipal? AuthenticateServiceAccount(
        BasicCredentials credentials,
        ProjectState? project,
        DateTimeOffset now)
    {
        if (project?.Project.ServiceAccount is not { } account)
        {
            return null;
        }

        var matches = FixedTimeEquals(account.Username, credentials.User)
            && FixedTimeEquals(account.Secret, credentials.Password);
        var mayImport = account.Role is EmulatorServiceAccountRole.Owner or EmulatorServiceAccountRole.Admin;
        var expired = account.ExpiresAt is { } expiresAt && now >= expiresAt;
        return matches && mayImport && !expired ? new ImportPrincipal(project, Privileged: true) : null;
    }

    private static ImportPrincipal? AuthenticateProjectKey(BasicCredentials credentials, ProjectRegistry projects)
    {
        // A non-empty password means a service account, which needs project_id to name its project.
        if (credentials.Password.Length > 0 || credentials.User.Length == 0)
        {
            return null;
        }

        if (projects.FindByToken(credentials.User) is { } byToken)
        {
            return new ImportPrincipal(byToken, Privileged: false);
        }

        return projects.FindBySecret(credentials.User) is { } bySecret
            ? new ImportPrincipal(bySecret, Privileged: true)
            : null;
    }

    private static bool FixedTimeEquals(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));
}
