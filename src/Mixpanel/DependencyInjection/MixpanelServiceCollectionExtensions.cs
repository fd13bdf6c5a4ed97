using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MixpanelSync.Mixpanel;
using Polly;
using Polly.Registry;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Mixpanel delivery library.</summary>
public static class MixpanelServiceCollectionExtensions
{
    // Large enough for failed_records describing 2000 events; Mixpanel's other responses are a few hundred bytes.
    private const int MaxResponseBytes = 4 * 1024 * 1024;

    /// <summary>
    /// Adds <see cref="MixpanelEventValidator"/>, <see cref="MixpanelIngestionClient"/>,
    /// <see cref="MixpanelDeliveryPipeline"/>, the named <see cref="HttpClient"/>
    /// <see cref="MixpanelIngestionClient.HttpClientName"/> and the retry pipeline, and validates the options
    /// (<see cref="MixpanelEndpointOptions"/>, <see cref="MixpanelDeliveryOptions"/>,
    /// <see cref="MixpanelBatchOptions"/>, <see cref="MixpanelValidationOptions"/>) at start-up. Configure the
    /// options with <c>services.Configure&lt;T&gt;</c> or by binding the sections their <c>SectionName</c> names.
    /// </summary>
    public static IServiceCollection AddMixpanelDelivery(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        AddValidatedOptions<MixpanelEndpointOptions, MixpanelEndpointOptionsValidator>(services);
        AddValidatedOptions<MixpanelDeliveryOptions, MixpanelDeliveryOptionsValidator>(services);
        AddValidatedOptions<MixpanelBatchOptions, MixpanelBatchOptionsValidator>(services);
        AddValidatedOptions<MixpanelValidationOptions, MixpanelValidationOptionsValidator>(services);

        services.TryAddSingleton(provider => new MixpanelMetrics(provider.GetRequiredService<IMeterFactory>()));
        services.TryAddSingleton<MixpanelEventValidator>();
        services.AddHttpClient(MixpanelIngestionClient.HttpClientName, client =>
        {
            // Each attempt is bounded by the retry pipeline's timeout, which follows the injected TimeProvider.
            client.Timeout = Timeout.InfiniteTimeSpan;
            client.MaxResponseContentBufferSize = MaxResponseBytes;
            client.DefaultRequestHeaders.UserAgent.ParseAdd("MixpanelSync/1.0");
        });
        services.AddResiliencePipeline<string, HttpResponseMessage>(
            MixpanelResilience.PipelineName,
            (builder, context) => MixpanelResilience.Configure(
                builder,
                context.ServiceProvider.GetRequiredService<IOptions<MixpanelDeliveryOptions>>().Value,
                context.ServiceProvider.GetRequiredService<TimeProvider>(),
                context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger<MixpanelIngestionClient>(),
                context.ServiceProvider.GetRequiredService<MixpanelMetrics>()));
        services.TryAddSingleton(provider => new MixpanelIngestionClient(
            provider.GetRequiredService<IHttpClientFactory>(),
            provider.GetRequiredService<ResiliencePipelineProvider<string>>(),
            provider.GetRequiredService<IOptions<MixpanelEndpointOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<MixpanelIngestionClient>>(),
            provider.GetRequiredService<MixpanelMetrics>()));
        services.TryAddSingleton(provider => new MixpanelDeliveryPipeline(
            provider.GetRequiredService<MixpanelIngestionClient>(),
            provider.GetRequiredService<MixpanelEventValidator>(),
            provider.GetRequiredService<IOptions<MixpanelBatchOptions>>(),
            provider.GetRequiredService<IOptions<MixpanelDeliveryOptions>>(),
            provider.GetRequiredService<ILogger<MixpanelDeliveryPipeline>>(),
            provider.GetRequiredService<MixpanelMetrics>()));
        return services;
    }

    private static void AddValidatedOptions<TOptions, TValidator>(IServiceCollection services)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
    }
}
