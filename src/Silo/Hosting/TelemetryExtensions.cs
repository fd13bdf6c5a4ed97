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
    private static readonly string[] Meters = ["MixpanelSync.*", "Microsoft.Orleans"];

    public static IServiceCollection AddSyncTelemetry(this IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(Meters)
            .AddPrometheusExporter());
        return services;
    }

    public static IEndpointConventionBuilder MapSyncMetrics(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPrometheusScrapingEndpoint(MetricsPath);
}
