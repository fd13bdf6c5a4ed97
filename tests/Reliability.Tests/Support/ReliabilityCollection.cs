namespace MixpanelSync.Reliability.Tests.Support;

/// <summary>
/// The fault matrix classes, which share one <see cref="ReliabilityClusterFixture"/> and run one after another.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ReliabilityCollection : ICollectionFixture<ReliabilityClusterFixture>
{
    public const string Name = "Reliability cluster";
}
