using MixpanelSync.Cli.Tests.Support;
using MixpanelSync.Silo.Demo;

namespace MixpanelSync.Cli.Tests.Demo;

/// <summary>Runs the demo's scenario once, in this process, on a free port; its tests read the outcome.</summary>
public sealed class DemoFixture : IAsyncLifetime
{
    private DemoHost? _host;

    internal DemoHost Host => _host!;

    internal DemoReport Report { get; private set; } = null!;

    /// <summary>What the scenario and the summary printed.</summary>
    public string Output { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var datasets = DemoDatasets.Load(SampleData.SamplesDirectory);
        _host = await DemoHost.StartAsync(new DemoOptions { Port = 0 }, datasets, timeout.Token);
        var output = new StringWriter();
        Report = await new DemoScenario(_host, output).RunAsync(timeout.Token);
        DemoReportWriter.WriteSummary(Report, output);
        Output = output.ToString();
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
