using Orleans.TestingHost;
using Xunit;

namespace MixpanelSync.Testing.Cluster;

/// <summary>
/// An in-process Orleans cluster of two silos and a client, started once per test class.
/// Derive from it and override <see cref="ConfigureSilo"/> to add grain storage, reminders and services.
/// </summary>
public class TestClusterFixture : IAsyncLifetime
{
    private InProcessTestCluster? _cluster;

    /// <summary>How many silos the cluster starts with.</summary>
    protected virtual short InitialSiloCount => 2;

    /// <summary>The running cluster.</summary>
    public InProcessTestCluster Cluster =>
        _cluster ?? throw new InvalidOperationException("The test cluster has not been started yet.");

    /// <summary>The cluster client that tests call grains through.</summary>
    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        await PrepareAsync();

        var builder = new InProcessTestClusterBuilder(InitialSiloCount);
        ConfigureCluster(builder.Options);
        builder.ConfigureSilo((_, silo) =>
        {
            ConfigureStorage(silo);
            ConfigureSilo(silo);
        });
        builder.ConfigureClient(ConfigureClient);

        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.StopAllSilosAsync();
            await _cluster.DisposeAsync();
        }
    }

    /// <summary>Runs before the cluster starts, for example to create the database the silos use.</summary>
    protected virtual Task PrepareAsync() => Task.CompletedTask;

    /// <summary>Changes cluster-wide test options, such as using a real membership table.</summary>
    protected virtual void ConfigureCluster(InProcessTestClusterOptions options)
    {
    }

    /// <summary>Adds grain storage and reminders to each silo; in memory unless overridden.</summary>
    protected virtual void ConfigureStorage(ISiloBuilder silo)
    {
        silo.AddMemoryGrainStorageAsDefault();
        silo.UseInMemoryReminderService();
    }

    /// <summary>Adds what the grains under test need to each silo.</summary>
    protected virtual void ConfigureSilo(ISiloBuilder silo)
    {
    }

    /// <summary>Adds what the tests need to the cluster client.</summary>
    protected virtual void ConfigureClient(IClientBuilder client)
    {
    }
}
