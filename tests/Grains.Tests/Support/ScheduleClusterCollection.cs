namespace MixpanelSync.Grains.Tests.Support;

/// <summary>The test classes that share one <see cref="ScheduleClusterFixture"/> and its clock.</summary>
[CollectionDefinition(Name)]
public sealed class ScheduleClusterCollection : ICollectionFixture<ScheduleClusterFixture>
{
    public const string Name = "Schedule cluster";
}
