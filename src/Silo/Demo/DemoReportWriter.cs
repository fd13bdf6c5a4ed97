using System.Globalization;
using MixpanelSync.Api;

namespace MixpanelSync.Silo.Demo;

/// <summary>Prints the demo's opening lines, its summary and check, and the addresses it keeps serving.</summary>
internal static class DemoReportWriter
{
    /// <summary>The endpoint name of the API's settings page.</summary>
    private const string SettingsPageEndpointName = "SettingsPage";

    public static void WriteStart(DemoHost host, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(
            "BCC Mixpanel Sync demo: three brands, real public sample data, an in-process Mixpanel emulator");
        output.WriteLine();
        var emulator = host.Emulator;
        var table = new TextTable("what", "where");
        table.AddRow("service", $"{host.BaseAddress} (embedded silo, silo port {host.SiloPort}, "
            + $"gateway port {host.GatewayPort})");
        table.AddRow("data folder", host.DataDirectory);
        foreach (var dataset in host.Datasets)
        {
            table.AddRow(
                $"emulator ({dataset.Residency.ToString().ToLowerInvariant()})",
                $"{emulator.GetBaseAddress(dataset.EmulatorResidency)} for {dataset.BrandId}");
        }

        table.Write(output);
    }

    public static void WriteSummary(DemoReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine();
        WriteWrapped(output, "Summary. Requests are the /import requests the emulator received during the run.");
        var table = new TextTable(
            "brand",
            "run",
            ">read",
            ">skipped (before connection)",
            ">sent",
            ">imported",
            ">rejected",
            ">requests",
            ">retries",
            ">seconds");
        foreach (var brand in report.Brands)
        {
            foreach (var run in brand.Runs)
            {
                var summary = run.Summary;
                table.AddRow(
                    brand.Dataset.BrandId,
                    summary.Trigger == GrainInterfaces.Integration.SyncTrigger.Manual ? "sync now" : "backfill",
                    TextTable.Count(summary.EventsRead),
                    TextTable.Count(summary.EventsSkipped),
                    TextTable.Count(summary.EventsSent),
                    TextTable.Count(summary.EventsImported),
                    TextTable.Count(summary.EventsRejected),
                    TextTable.Count(run.Requests),
                    TextTable.Count(summary.Retries),
                    TextTable.Seconds(summary.Duration));
            }
        }

        table.Write(output);
        WriteRejections(report, output);
        WriteCheck(report, output);
    }

    public static void WriteAddresses(DemoHost host, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(output);
        var root = host.BaseAddress.ToString().TrimEnd('/');
        var brand = host.Datasets[0].BrandId;
        output.WriteLine();
        output.WriteLine("Serving until Ctrl+C:");
        var table = new TextTable("what", "where");
        if (FindSettingsPage(host) is { } settingsPage)
        {
            table.AddRow("settings page", $"{root}{settingsPage}");
        }

        table.AddRow("API", $"{root}/api/v1/brands/{{brandId}}/...  (reference: {root}{SyncApiExtensions.DocsPath})");
        table.AddRow("dashboard", $"{root}{Hosting.SyncHostExtensions.DashboardPath}/");
        table.AddRow("health", $"{root}/health");
        table.AddRow(
            "pushed events",
            $"{root}{DemoEndpoints.IndexPath}  (JSON: {root}{DemoEndpoints.EventsPath(brand)})");
        table.AddRow("operator key", host.DescribeOperatorKey());
        table.Write(output);
        output.WriteLine(
            "  The API takes the operator key as 'Authorization: Bearer <key>'; the dashboard and the API reference "
            + "ask for it as the password.");
        output.WriteLine($"  CLI: export MIXPANEL_SYNC_URL={root} MIXPANEL_SYNC_KEY=\"$(cat <operator key file>)\"");
        output.WriteLine($"       dotnet run --project src/Cli -- runs --brand {brand}");
    }

    /// <summary>Returns the settings page's path when the API maps one, else <see langword="null"/>.</summary>
    private static string? FindSettingsPage(DemoHost host) => host.Services
        .GetRequiredService<EndpointDataSource>()
        .Endpoints
        .OfType<RouteEndpoint>()
        .FirstOrDefault(endpoint =>
            endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == SettingsPageEndpointName)
        ?.RoutePattern.RawText;

    private static void WriteWrapped(TextWriter output, string text)
    {
        foreach (var line in DemoProgressWriter.Wrap(text))
        {
            output.WriteLine(line);
        }
    }

    private static void WriteRejections(DemoReport report, TextWriter output)
    {
        var reasons = report.Brands
            .SelectMany(brand => brand.Runs.SelectMany(run => run.Summary.RejectedByReason
                .Select(pair => $"{brand.Dataset.BrandId} {pair.Key}: {TextTable.Count(pair.Value)}")))
            .ToList();
        output.WriteLine(reasons.Count == 0
            ? "  Rejected by reason: none."
            : "  Rejected by reason: " + string.Join("; ", reasons) + ".");
    }

    private static void WriteCheck(DemoReport report, TextWriter output)
    {
        output.WriteLine();
        WriteWrapped(
            output,
            "Check. Expected: the brand's stored events of each type in the backfill range, less rejected ones. "
            + "Stored: the events of that type's Mixpanel name in the emulator's deduplicated view.");
        var table = new TextTable("brand", "event type", ">expected", ">stored", "");
        foreach (var brand in report.Brands)
        {
            foreach (var type in brand.Check.ByType)
            {
                table.AddRow(
                    brand.Dataset.BrandId,
                    type.Type,
                    TextTable.Count(type.Expected),
                    TextTable.Count(type.Stored),
                    type.Expected == type.Stored ? "ok" : "DIFFERS");
            }
        }

        table.Write(output);
        foreach (var brand in report.Brands)
        {
            var check = brand.Check;
            output.WriteLine(
                $"  {brand.Dataset.BrandId}: runs imported {TextTable.Count(check.Imported)}, the emulator's "
                + $"deduplicated view contains {TextTable.Count(check.Deduplicated)}, its raw log "
                + $"{TextTable.Count(check.Raw)}: {(check.Matches ? "match" : "MISMATCH")}.");
        }

        var total = report.Brands.Sum(brand => brand.Check.Deduplicated);
        output.WriteLine(report.AllMatch
            ? $"Result: every count matches ({TextTable.Count(total)} events in {report.Brands.Count} projects)."
            : "Result: the counts do NOT match, or a run failed; see the rows marked above.");
        output.WriteLine(
            $"The first sync of all brands, from connecting to the end of the backfills, took "
            + $"{report.SyncElapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s.");
    }
}
