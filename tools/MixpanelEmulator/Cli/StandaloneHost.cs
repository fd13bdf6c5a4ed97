using System.Runtime.InteropServices;

namespace MixpanelSync.MixpanelEmulator;

/// <summary>Runs the emulator from the command line until Ctrl+C or SIGTERM.</summary>
internal static class StandaloneHost
{
    public static async Task<int> RunAsync(CommandLineSettings settings)
    {
        using var loggerFactory = LoggerFactory.Create(logging => logging
            .AddSimpleConsole(console => console.SingleLine = true)
            .SetMinimumLevel(settings.Verbose ? LogLevel.Debug : LogLevel.Information)
            .AddFilter("Microsoft", LogLevel.Warning));
        settings.Options.LoggerFactory = loggerFactory;
        await using var emulator = await MixpanelEmulatorHost.StartAsync(settings.Options);
        if (settings.CertificatePath is { } path)
        {
            await File.WriteAllTextAsync(path, emulator.CertificatePem);
        }

        PrintSummary(emulator, settings);
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, eventArgs) =>
        {
            eventArgs.Cancel = true;
            stop.Cancel();
        };
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        await WaitAsync(stop.Token);
        return 0;
    }

    private static void PrintSummary(MixpanelEmulatorHost emulator, CommandLineSettings settings)
    {
        foreach (var residency in Enum.GetValues<EmulatorResidency>())
        {
            Console.WriteLine(
                $"{residency,-6} {emulator.GetBaseAddress(residency)}  {emulator.GetHttpsBaseAddress(residency)}");
        }

        foreach (var project in emulator.Projects)
        {
            Console.WriteLine($"project {TokenMask.Mask(project.Token)} residency {project.Residency}");
        }

        if (settings.CertificatePath is { } path)
        {
            Console.WriteLine($"certificate written to {path}");
        }

        Console.WriteLine("Inspection API: GET /_emulator/projects, /_emulator/stats. Press Ctrl+C to stop.");
    }

    private static async Task WaitAsync(CancellationToken stop)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, stop);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or SIGTERM: fall through to dispose the emulator.
        }
    }
}
