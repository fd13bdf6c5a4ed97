using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using MixpanelSync.Silo.Storage;
using MixpanelSync.Testing.Postgres;
using MixpanelSync.Testing.Processes;
using Npgsql;

namespace MixpanelSync.Silo.Tests;

/// <summary>Two silo processes in cluster mode sharing one PostgreSQL database.</summary>
public sealed class ClusterModeProcessTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const string OperatorKey = "silo-tests-operator-key-0123456789abcdef0001";

    [Fact]
    public async Task TwoSilos_SharedDatabase_FormOneCluster()
    {
        var clusterId = $"cluster-{Guid.NewGuid():N}";
        await using var first = SiloProcess.Start(ClusterSettings(clusterId));
        await using var second = SiloProcess.Start(ClusterSettings(clusterId));

        await Task.WhenAll(
            first.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90)),
            second.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90)));

        Assert.Equal(2, await CountMembersAsync(clusterId, status: 3));
        using var http = OperatorClient(first.BaseAddress);
        Assert.Equal(2, await WaitForDashboardHostsAsync(http, expected: 2, TimeSpan.FromSeconds(30)));

        second.Kill();

        // The survivor keeps serving requests while membership declares the killed silo dead.
        await first.WaitUntilHealthyAsync(TimeSpan.FromSeconds(10));
        Assert.False(first.HasExited);
    }

    [Fact]
    public async Task Start_TwoSilosAtOnce_BothApplyTheSchema()
    {
        var clusterId = $"cluster-{Guid.NewGuid():N}";
        await using var first = SiloProcess.Start(ClusterSettings(clusterId));
        await using var second = SiloProcess.Start(ClusterSettings(clusterId));

        await Task.WhenAll(
            first.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90)),
            second.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90)));

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM orleansquery", connection);
        var storedQueries = (long)(await command.ExecuteScalarAsync())!;
        Assert.Equal(PostgresOrleansSchema.Queries.Count, storedQueries);
    }

    private Dictionary<string, string> ClusterSettings(string clusterId) => new()
    {
        ["Sync:Mode"] = "Cluster",
        ["Api:OperatorKey"] = OperatorKey,
        ["Sync:PostgresConnectionString"] = database.ConnectionString,
        ["Sync:ClusterId"] = clusterId,
        ["Sync:ServiceId"] = clusterId,
        ["Sync:SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
        ["Sync:GatewayPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
    };

    private async Task<long> CountMembersAsync(string clusterId, int status)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM orleans_membership WHERE deployment_id = @cluster AND status = @status",
            connection);
        command.Parameters.AddWithValue("cluster", clusterId);
        command.Parameters.AddWithValue("status", status);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<int> WaitForDashboardHostsAsync(HttpClient http, int expected, TimeSpan timeout)
    {
        // The dashboard collects silo statistics on a timer, so it may list fewer hosts at first.
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var counters = await http.GetFromJsonAsync<JsonElement>(
                new Uri("/dashboard/DashboardCounters", UriKind.Relative));
            var active = counters.GetProperty("hosts").EnumerateArray()
                .Count(host => host.GetProperty("status").GetString() == "Active");
            if (active >= expected || DateTime.UtcNow > deadline)
            {
                return active;
            }

            await Task.Delay(500);
        }
    }

    private static HttpClient OperatorClient(Uri baseAddress)
    {
        var http = new HttpClient { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", OperatorKey);
        return http;
    }
}
