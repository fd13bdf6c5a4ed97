namespace MixpanelSync.GrainInterfaces.Integration;

/// <summary>The connection state of a brand's integration.</summary>
[GenerateSerializer]
[Alias("mixpanel-sync.connection-state")]
public enum ConnectionState
{
    /// <summary>The brand never connected a project.</summary>
    NotConnected,

    /// <summary>Connected and idle; the last run, if any, succeeded.</summary>
    Connected,

    /// <summary>A run is in progress.</summary>
    Syncing,

    /// <summary>The last run had rejected events or ran out of retries; scheduled runs go on.</summary>
    Degraded,

    /// <summary>Mixpanel rejected the credentials; scheduled runs pause until the token is updated.</summary>
    Error,

    /// <summary>The brand disconnected; history is kept and no runs happen.</summary>
    Disconnected,
}
