using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MixpanelSync.Cli.Ingestion;
using MixpanelSync.Cli.Output;
using MixpanelSync.Mixpanel;
using Spectre.Console;

namespace MixpanelSync.Cli.Push;

/// <summary>Runs a push through <see cref="MixpanelDeliveryPipeline"/> and prints its summary.</summary>
internal static class PushRunner
{
    public const int MinConcurrency = 1;
    public const int MaxConcurrency = 64;

    private static readonly TimeSpan ReportInterval = TimeSpan.FromMilliseconds(250);

    public static async Task<int> RunAsync(
        CliEnvironment environment,
        PushSettings settings,
        CancellationToken cancellationToken)
    {
        var (token, baseAddress) = Check(settings);
        await using var services = CreateServices(settings, baseAddress);
        MixpanelDeliveryPipeline pipeline;
        try
        {
            pipeline = services.GetRequiredService<MixpanelDeliveryPipeline>();
        }
        catch (OptionsValidationException exception)
        {
            throw CliException.Usage(
                $"The push settings are invalid: {string.Join(" ", exception.Failures)} Check --base-url and "
                + "--concurrency.");
        }

        var target = MixpanelTarget.ForProjectToken(settings.Residency, token);
        var address = services.GetRequiredService<IOptions<MixpanelEndpointOptions>>().Value
            .GetBaseAddress(settings.Residency);
        using var meter = new DeliveryMeter(services.GetRequiredService<IMeterFactory>());
        var totals = new PushTotals();
        await using var file = new CountingStream(File.OpenRead(settings.Path));
        var clock = Stopwatch.StartNew();
        var summary = await ProgressDisplay.RunAsync(
            environment.Out,
            $"Pushing {settings.Path}",
            progress => DeliverAsync(pipeline, target, file, totals, meter, progress, clock, cancellationToken));
        clock.Stop();

        var report = new PushReport(settings, target, address, summary, totals, meter, clock.Elapsed);
        report.Write(environment.Out);
        return ExitCodeOf(environment, report);
    }

    private static (string Token, Uri? BaseAddress) Check(PushSettings settings)
    {
        if (!File.Exists(settings.Path))
        {
            throw CliException.Usage($"The file '{settings.Path}' was not found. Check the path.");
        }

        if (string.IsNullOrWhiteSpace(settings.Token))
        {
            throw CliException.Usage(
                $"No project token was given. Pass --token or set {CliEnvironment.ProjectTokenVariable}; the token "
                + "is in the Mixpanel project's settings.");
        }

        if (settings.Concurrency is < MinConcurrency or > MaxConcurrency)
        {
            throw CliException.Usage(
                $"--concurrency {settings.Concurrency} is out of range. Use {MinConcurrency} to {MaxConcurrency}.");
        }

        Uri? baseAddress = null;
        if (settings.BaseUrl is { } url
            && (!Uri.TryCreate(url, UriKind.Absolute, out baseAddress)
                || (baseAddress.Scheme != Uri.UriSchemeHttp && baseAddress.Scheme != Uri.UriSchemeHttps)))
        {
            throw CliException.Usage(
                $"--base-url '{url}' is not an absolute http or https URL, such as http://127.0.0.1:7070.");
        }

        return (settings.Token.Trim(), baseAddress);
    }

    private static ServiceProvider CreateServices(PushSettings settings, Uri? baseAddress)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            if (settings.Verbose)
            {
                logging.SetMinimumLevel(LogLevel.Warning);
                logging.AddSimpleConsole(console => console.SingleLine = true);
                logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(
                    console => console.LogToStandardErrorThreshold = LogLevel.Trace);
            }
        });
        services.AddMixpanelDelivery();
        services.Configure<MixpanelDeliveryOptions>(delivery => delivery.MaxConcurrentRequests = settings.Concurrency);
        if (baseAddress is not null)
        {
            services.Configure<MixpanelEndpointOptions>(endpoints =>
            {
                endpoints.UsBaseAddress = baseAddress;
                endpoints.EuBaseAddress = baseAddress;
                endpoints.InBaseAddress = baseAddress;
            });
        }

        return services.BuildServiceProvider();
    }

    private static async Task<DeliverySummary> DeliverAsync(
        MixpanelDeliveryPipeline pipeline,
        MixpanelTarget target,
        CountingStream file,
        PushTotals totals,
        DeliveryMeter meter,
        ProgressReporter progress,
        Stopwatch clock,
        CancellationToken cancellationToken)
    {
        var events = MixpanelFileReader.ReadAsync(file, totals.OnUnreadable, cancellationToken);
        var run = pipeline.RunAsync(target, events, totals, cancellationToken);
        while (!run.IsCompleted && !cancellationToken.IsCancellationRequested)
        {
            await Task.WhenAny(run, Task.Delay(ReportInterval, CancellationToken.None));
            Report(progress, file, totals, meter, clock, isFinal: false);
        }

        Report(progress, file, totals, meter, clock, isFinal: true);
        return await run;
    }

    private static void Report(
        ProgressReporter progress,
        CountingStream file,
        PushTotals totals,
        DeliveryMeter meter,
        Stopwatch clock,
        bool isFinal)
    {
        var fraction = file.Length == 0 ? 1 : (double)file.BytesRead / file.Length;
        progress.Report(
            fraction,
            $"{Tables.Count(totals.Imported)} imported, {Tables.Count(totals.Rejected + totals.Unreadable)} "
            + $"rejected, {Tables.Count(totals.Failed)} failed, {Tables.Count(meter.RetryCount)} retries, "
            + (isFinal ? "done" : ProgressDisplay.Eta(ProgressDisplay.EstimateRemaining(fraction, clock.Elapsed))),
            isFinal);
    }

    private static int ExitCodeOf(CliEnvironment environment, PushReport report)
    {
        var summary = report.Summary;
        if (summary.StoppedOnCredentials)
        {
            environment.Error.WriteLine(
                $"Mixpanel rejected the project token {Masking.Mask(report.Settings.Token)} for residency "
                + $"{report.Settings.Residency}, so {Tables.Count(summary.FailedCount)} events were not imported. "
                + "Check --token and --residency.");
            return ExitCodes.Rejected;
        }

        if (summary.ImportedCount == 0 && summary.FailedCount > 0)
        {
            environment.Error.WriteLine(
                $"No event was imported; the last error was: {summary.LastError} Check --residency and --base-url, "
                + "and try again later.");
            return ExitCodes.Unavailable;
        }

        var problems = summary.RejectedCount + summary.FailedCount + report.Totals.Unreadable;
        return problems == 0 ? ExitCodes.Success : ExitCodes.CompletedWithProblems;
    }
}
