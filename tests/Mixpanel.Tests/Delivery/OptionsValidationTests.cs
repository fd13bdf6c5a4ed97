using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MixpanelSync.Mixpanel.Tests.Delivery;

public sealed class OptionsValidationTests
{
    private static ServiceProvider CreateSut(Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMixpanelDelivery();
        configure(services);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void AddMixpanelDelivery_Defaults_AreValid()
    {
        using var provider = CreateSut(_ => { });

        Assert.NotNull(provider.GetRequiredService<MixpanelDeliveryPipeline>());
        Assert.Equal(
            new Uri("https://api-eu.mixpanel.com"),
            provider.GetRequiredService<IOptions<MixpanelEndpointOptions>>().Value.EuBaseAddress);
    }

    public static TheoryData<Action<IServiceCollection>> InvalidSettings =>
    [
        services => services.Configure<MixpanelDeliveryOptions>(o => o.MaxAttempts = 0),
        services => services.Configure<MixpanelDeliveryOptions>(o => o.MaxConcurrentRequests = 65),
        services => services.Configure<MixpanelDeliveryOptions>(o => o.MaxRetryDelay = TimeSpan.FromSeconds(1)),
        services => services.Configure<MixpanelDeliveryOptions>(o => o.MaxRetryJitter = TimeSpan.Zero),
        services => services.Configure<MixpanelDeliveryOptions>(o => o.AttemptTimeout = TimeSpan.Zero),
        services => services.Configure<MixpanelEndpointOptions>(o => o.UsBaseAddress = new Uri("http://example.com")),
        services => services.Configure<MixpanelEndpointOptions>(
            o => o.EuBaseAddress = new Uri("/relative", UriKind.Relative)),
        services => services.Configure<MixpanelBatchOptions>(o => o.MaxBatchBytes = 20 * 1024 * 1024),
        services => services.Configure<MixpanelValidationOptions>(o => o.MaxNestingDepth = 0),
        services => services.Configure<MixpanelValidationOptions>(o => o.MaxEventBytes = 2 * 1024 * 1024),
    ];

    [Theory]
    [MemberData(nameof(InvalidSettings), DisableDiscoveryEnumeration = true)]
    public void AddMixpanelDelivery_InvalidSetting_FailsWhenResolved(Action<IServiceCollection> configure)
    {
        using var provider = CreateSut(configure);

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<MixpanelDeliveryPipeline>());
    }

    [Fact]
    public void AddMixpanelDelivery_LoopbackHttp_IsAllowed()
    {
        using var provider = CreateSut(services => services.Configure<MixpanelEndpointOptions>(
            o => o.UsBaseAddress = new Uri("http://127.0.0.1:5000")));

        Assert.NotNull(provider.GetRequiredService<MixpanelIngestionClient>());
    }
}
