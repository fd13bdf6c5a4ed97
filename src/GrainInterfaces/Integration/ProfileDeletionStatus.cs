namespace MixpanelSync.GrainInterfaces.Integration;

/// <summary>What happened to the Mixpanel profiles when an end user's data was deleted.</summary>
public enum ProfileDeletionStatus
{
    /// <summary>The brand has no connected project, so nothing was sent to Mixpanel.</summary>
    NotConnected = 1,

    /// <summary>Mixpanel accepted a <c>$delete</c> for every distinct_id.</summary>
    Sent,

    /// <summary>At least one <c>$delete</c> was rejected or could not be delivered.</summary>
    Failed,
}
