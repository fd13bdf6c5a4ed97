using OpenTelemetry.Metrics;

namespace MixpanelSync.Silo.Hosting;

/// <summary>Exports the product's and Orleans' metrics in the Prometheus text format at <c>/metrics</c>.</summary>
internal static class TelemetryExtensions
{
    /// <summary>The path Prometheus scrapes.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>
    /// Meters whose instruments are exported: every meter of the product (names start with <c>MixpanelSync.</c>)
    /// and Orleans' own.
    /// </summary>
    private static readonly string[] Meters = ["MixpanelSync.*", OrleansMeter];

    private const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>
    /// The max number of tag combinations kept per Orleans instrument. Further ones are summed into one overflow
    /// series.
    /// </summary>
    /// <remarks>
    /// The exporter sets aside room for its limit (2000 by default) in every instrument up front. Orleans has
    /// about 200 instruments whose tags name silos, grain types and message kinds, far fewer than 200
    /// combinations here, and at the default limit their storage took 31 MB of the heap.
    /// </remarks>
    private const int OrleansCardinalityLimit = 200;

    public static IServiceCollection AddSyncTelemetry(this IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(Meters)
            .AddView(instrument => instrument.Meter.Name.StartsWith(OrleansMeter, StringComparison.Ordinal)
                ? new MetricStreamConfiguration { CardinalityLimit = OrleansCardinalityLimit }
                : null)
            .AddPrometheusExporter());
        return services;
    }

    public static IEndpointConventionBuilder MapSyncMetrics(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPrometheusScrapingEndpoint(MetricsPath);
}
