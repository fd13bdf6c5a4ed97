using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MixpanelSync.Testing.Processes;

namespace MixpanelSync.Silo.Tests;

public sealed class SiloProcessTests : IDisposable
{
    private const string OperatorKey = "silo-tests-operator-key-0123456789abcdef0001";

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("silo-test-").FullName;

    [Fact]
    public async Task Start_EmbeddedDefaults_HealthAndDashboardShowOneSilo()
    {
        await using var silo = SiloProcess.Start(EmbeddedSettings());

        await silo.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));

        using var http = OperatorClient(silo.BaseAddress);
        var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var dashboard = await http.GetAsync(new Uri("/dashboard/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        var hosts = await ReadDashboardHostsAsync(http, TimeSpan.FromSeconds(30));
        Assert.Single(hosts);
        Assert.Equal("Active", hosts[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Metrics_EmbeddedSilo_ExportsOrleansMetricsForPrometheus()
    {
        await using var silo = SiloProcess.Start(EmbeddedSettings());
        await silo.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));
        using var http = OperatorClient(silo.BaseAddress);

        using var response = await http.GetAsync(new Uri("/metrics", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Contains("# TYPE orleans_", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OperatorEndpoints_WithoutKey_AreUnauthorized()
    {
        await using var silo = SiloProcess.Start(EmbeddedSettings());
        await silo.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));
        using var http = new HttpClient { BaseAddress = silo.BaseAddress };

        using var metrics = await http.GetAsync(new Uri("/metrics", UriKind.Relative));
        using var dashboard = await http.GetAsync(new Uri("/dashboard/DashboardCounters", UriKind.Relative));
        using var health = await http.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, metrics.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, dashboard.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Start_ClusterModeWithoutConnectionString_ExitsNamingTheSetting()
    {
        var settings = EmbeddedSettings();
        settings["Sync:Mode"] = "Cluster";
        await using var silo = SiloProcess.Start(settings);

        var exitCode = await silo.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Sync:PostgresConnectionString is missing", silo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_SamePortForSiloAndGateway_ExitsNamingBothSettings()
    {
        var settings = EmbeddedSettings();
        settings["Sync:GatewayPort"] = settings["Sync:SiloPort"];
        await using var silo = SiloProcess.Start(settings);

        var exitCode = await silo.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Sync:SiloPort and Sync:GatewayPort are both", silo.Output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);

    private static async Task<List<JsonElement>> ReadDashboardHostsAsync(HttpClient http, TimeSpan timeout)
    {
        // The dashboard collects silo statistics on a timer, so the first answers may list no host yet.
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var counters = await http.GetFromJsonAsync<JsonElement>(
                new Uri("/dashboard/DashboardCounters", UriKind.Relative));
            var hosts = counters.GetProperty("hosts").EnumerateArray().ToList();
            if (hosts.Count > 0 || DateTime.UtcNow > deadline)
            {
                return hosts;
            }

            await Task.Delay(500);
        }
    }

    private Dictionary<string, string> EmbeddedSettings() => new()
    {
        ["Sync:DataDirectory"] = _dataDirectory,
        ["Api:OperatorKey"] = OperatorKey,
        ["Sync:SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
        ["Sync:GatewayPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
    };

    private static HttpClient OperatorClient(Uri baseAddress)
    {
        var http = new HttpClient { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", OperatorKey);
        return http;
    }
}
