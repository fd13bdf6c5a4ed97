namespace MixpanelSync.Mixpanel;

/// <summary>
/// A Mixpanel service account, sent to <c>/import</c> as HTTP Basic <c>username:secret</c> with the project id
/// as the <c>project_id</c> query parameter. The account needs the Owner or Admin role on the project.
/// </summary>
public sealed class ServiceAccountCredentials
{
    /// <summary>Creates the credentials.</summary>
    /// <exception cref="ArgumentException">A value is null or empty.</exception>
    public ServiceAccountCredentials(string username, string secret, string projectId)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentException.ThrowIfNullOrEmpty(projectId);
        Username = username;
        Secret = secret;
        ProjectId = projectId;
    }

    /// <summary>The service account's user name.</summary>
    public string Username { get; }

    /// <summary>The service account's secret.</summary>
    public string Secret { get; }

    /// <summary>The numeric id of the project the events go to.</summary>
    public string ProjectId { get; }

    /// <summary>Returns the user name and project id; the secret is never included.</summary>
    public override string ToString() => $"service account {Username} for project {ProjectId}";
}
