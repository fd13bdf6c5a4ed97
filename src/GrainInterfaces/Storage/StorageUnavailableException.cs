namespace MixpanelSync.GrainInterfaces.Storage;

/// <summary>
/// The database behind the grains failed a call, for example because the PostgreSQL server is restarting. The
/// grain's operations can be repeated, so the caller can retry after a short wait.
/// </summary>
/// <remarks>
/// Grains throw this in place of the database driver's exception, which Orleans cannot always serialize for the
/// caller.
/// </remarks>
[GenerateSerializer]
[Alias("mixpanel-sync.storage-unavailable")]
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
