namespace MixpanelSync.MixpanelEmulator;

/// <summary>Role of a service account on a project. Only owners and admins may import events.</summary>
public enum EmulatorServiceAccountRole
{
    /// <summary>Project owner; may import.</summary>
    Owner,

    /// <summary>Project admin; may import.</summary>
    Admin,

    /// <summary>Analyst; /import rejects it with 401.</summary>
    Analyst,

    /// <summary>Read-only consumer; /import rejects it with 401.</summary>
    Consumer,
}
