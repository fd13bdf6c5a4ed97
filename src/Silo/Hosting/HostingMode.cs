namespace MixpanelSync.Silo.Hosting;

/// <summary>How the silo stores its state and finds the other silos.</summary>
public enum HostingMode
{
    /// <summary>One process, localhost clustering, state in a SQLite file under the data directory.</summary>
    Embedded,

    /// <summary>Several silos sharing one PostgreSQL database for clustering, state, reminders and events.</summary>
    Cluster,
}
