namespace MixpanelSync.Grains.Tests.Support;

/// <summary>
/// The test classes that share one <see cref="SyncClusterFixture"/>; xUnit runs them one after another, so the
/// large runs do not compete with each other for the machine's cores.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SyncClusterCollection : ICollectionFixture<SyncClusterFixture>
{
    public const string Name = "Sync cluster";
}
