using System.Diagnostics;
using System.Globalization;
using MixpanelSync.Cli.Tests.Support;

namespace MixpanelSync.Cli.Tests.Demo;

/// <summary>Runs <c>MixpanelSync.Silo demo</c> as its own process, as a newcomer would.</summary>
public sealed class DemoProcessTests
{
    [Fact]
    public async Task DemoExit_RealProcess_PrintsMatchAndExitsZero()
    {
        var (exitCode, output) = await RunSiloAsync(["demo", "--exit", "--port", "0"], TimeSpan.FromSeconds(120));

        Assert.True(exitCode == 0, output);
        Assert.Contains("Result: every count matches", output, StringComparison.Ordinal);
        var total = SampleData.KuaiRandEventsByType().Values.Sum()
            + SampleData.OttoEventsByType().Values.Sum()
            + SampleData.StackExchangeEventsByType().Values.Sum();
        var events = total.ToString("N0", CultureInfo.InvariantCulture);
        Assert.Contains($"({events} events in 3 projects)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoPort_NotANumber_ExitsTwoNamingOption()
    {
        var (exitCode, output) = await RunSiloAsync(["demo", "--port", "eighty"], TimeSpan.FromSeconds(60));

        Assert.Equal(2, exitCode);
        Assert.Contains("--port 'eighty' is not a port number", output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunSiloAsync(string[] args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = SampleData.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MixpanelSync.Silo.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The demo did not exit within {timeout}. Output:\n{await output}{await error}");
        }

        return (process.ExitCode, await output + await error);
    }
}
