namespace MixpanelSync.Api.Audit;

/// <summary>The actions the audit log records.</summary>
public static class AuditActions
{
    /// <summary>A Mixpanel project was connected.</summary>
    public const string Connect = "connect";

    /// <summary>The integration's settings were changed.</summary>
    public const string UpdateSettings = "update-settings";

    /// <summary>A run was requested now.</summary>
    public const string SyncNow = "sync-now";

    /// <summary>A backfill was started.</summary>
    public const string Backfill = "backfill";

    /// <summary>Rejected events were replayed.</summary>
    public const string Replay = "replay";

    /// <summary>The Mixpanel project was disconnected.</summary>
    public const string Disconnect = "disconnect";

    /// <summary>A brand key was created.</summary>
    public const string CreateKey = "create-key";

    /// <summary>A brand key was revoked.</summary>
    public const string RevokeKey = "revoke-key";

    /// <summary>One end user's stored data was deleted, and their Mixpanel profiles when connected.</summary>
    public const string DeleteEndUser = "delete-end-user";
}
