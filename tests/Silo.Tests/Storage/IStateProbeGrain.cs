namespace MixpanelSync.Silo.Tests.Storage;

/// <summary>A grain that keeps one string in persistent state, to exercise the storage provider.</summary>
[Alias("MixpanelSync.Silo.Tests.IStateProbeGrain")]
public interface IStateProbeGrain : IGrainWithStringKey
{
    [Alias("Write")]
    Task WriteAsync(string value);

    [Alias("Read")]
    Task<string?> ReadAsync();

    [Alias("Clear")]
    Task ClearAsync();

    [Alias("Deactivate")]
    Task DeactivateAsync();
}
