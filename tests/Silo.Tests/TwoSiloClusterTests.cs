using MixpanelSync.Testing.Cluster;

namespace MixpanelSync.Silo.Tests;

public sealed class TwoSiloClusterTests(TestClusterFixture fixture) : IClassFixture<TestClusterFixture>
{
    [Fact]
    public async Task ManagementGrain_TwoSiloCluster_ReportsBothSilosActive()
    {
        var management = fixture.Client.GetGrain<IManagementGrain>(0);

        var hosts = await management.GetHosts(onlyActive: true);

        Assert.Equal(2, hosts.Count);
        Assert.All(hosts.Values, status => Assert.Equal(SiloStatus.Active, status));
    }
}
