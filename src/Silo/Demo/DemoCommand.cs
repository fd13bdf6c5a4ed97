using Microsoft.Extensions.Options;

namespace MixpanelSync.Silo.Demo;

/// <summary>
/// <c>demo</c>: syncs the real sample data of three demo brands to an in-process Mixpanel emulator, prints what
/// happened and checks it against the emulator, then serves the service until Ctrl+C.
/// </summary>
internal static class DemoCommand
{
    /// <summary>The first argument that selects the demo mode.</summary>
    public const string Name = "demo";

    public const int Matched = 0;
    public const int Mismatched = 1;
    public const int InvalidArguments = 2;
    public const int Interrupted = 130;

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, CancellationToken.None);

    /// <summary>Runs the demo, writes its output to <paramref name="output"/> and returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        DemoOptions options;
        IReadOnlyList<DemoDataset> datasets;
        try
        {
            options = DemoOptions.Parse(args);
            if (options.ShowHelp)
            {
                await output.WriteLineAsync(DemoOptions.Usage);
                return Matched;
            }

            datasets = DemoDatasets.Load(DemoDatasets.FindSamplesDirectory(options.SamplesDirectory));
        }
        catch (Exception exception) when (exception is FormatException or IOException)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            return InvalidArguments;
        }

        try
        {
            await using var host = await DemoHost.StartAsync(options, datasets, cancellationToken);
            return await RunAsync(host, options, output, cancellationToken);
        }
        catch (OptionsValidationException exception)
        {
            await Console.Error.WriteLineAsync("The demo cannot start because of its settings:");
            foreach (var failure in exception.Failures)
            {
                await Console.Error.WriteLineAsync($"  {failure}");
            }

            return InvalidArguments;
        }
    }

    private static async Task<int> RunAsync(
        DemoHost host,
        DemoOptions options,
        TextWriter output,
        CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, host.Stopping);
        DemoReportWriter.WriteStart(host, output);
        DemoReport report;
        try
        {
            report = await new DemoScenario(host, output).RunAsync(stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await output.WriteLineAsync("Stopped before the summary.");
            return Interrupted;
        }
        catch (DemoFailedException exception)
        {
            await output.WriteLineAsync($"The demo failed: {exception.Message}");
            return Mismatched;
        }

        DemoReportWriter.WriteSummary(report, output);
        var exitCode = report.AllMatch ? Matched : Mismatched;
        if (options.ExitAfterCheck)
        {
            return exitCode;
        }

        DemoReportWriter.WriteAddresses(host, output);
        await output.FlushAsync(cancellationToken);
        await host.WaitForShutdownAsync();
        await output.WriteLineAsync(options.KeepData
            ? $"Stopped. The data folder {host.DataDirectory} is kept."
            : "Stopped. The data folder is deleted.");
        return exitCode;
    }
}
