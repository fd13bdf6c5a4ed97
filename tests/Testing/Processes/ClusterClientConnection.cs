using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace MixpanelSync.Testing.Processes;

/// <summary>An Orleans client connected to silo processes that a test started; stops the client on dispose.</summary>
public sealed class ClusterClientConnection : IAsyncDisposable
{
    private readonly IHost _host;

    private ClusterClientConnection(IHost host)
    {
        _host = host;
        Client = host.Services.GetRequiredService<IClusterClient>();
    }

    /// <summary>The client to get grains from.</summary>
    public IClusterClient Client { get; }

    /// <summary>Connects to an embedded-mode silo through its gateway port on the loopback address.</summary>
    public static Task<ClusterClientConnection> ConnectLocalhostAsync(
        int gatewayPort,
        string serviceId,
        string clusterId) =>
        StartAsync(client => client.UseLocalhostClustering(gatewayPort, serviceId, clusterId));

    /// <summary>Connects to cluster-mode silos through the membership table in PostgreSQL.</summary>
    public static Task<ClusterClientConnection> ConnectPostgresAsync(string connectionString, string clusterId) =>
        StartAsync(client =>
        {
            client.Configure<ClusterOptions>(cluster =>
            {
                cluster.ClusterId = clusterId;
                cluster.ServiceId = clusterId;
            });
            client.UseAdoNetClustering(clustering =>
            {
                clustering.Invariant = "Npgsql";
                clustering.ConnectionString = connectionString;
            });
        });

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    private static async Task<ClusterClientConnection> StartAsync(Action<IClientBuilder> configure)
    {
        var host = Host.CreateDefaultBuilder().UseOrleansClient(configure).Build();
        await host.StartAsync();
        return new ClusterClientConnection(host);
    }
}
