using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MixpanelSync.Grains.Budget;
using MixpanelSync.Grains.Delivery;
using MixpanelSync.Grains.Mapping;

namespace MixpanelSync.Grains.Hosting;

/// <summary>Registration of the sync grains and the services they use.</summary>
public static class MixpanelSyncGrains
{
    /// <summary>The grain storage provider that holds integration state; the host registers it.</summary>
    public const string StorageName = "MixpanelSync";

    /// <summary>
    /// Registers options (sections <c>MixpanelSync</c> and <c>MixpanelSync:RateBudget</c>), the /import
    /// client, mapping, Data Protection and the clock. The host registers the grain storage named
    /// <see cref="StorageName"/>, a reminder service and an <c>IEventStore</c>.
    /// </summary>
    public static IServiceCollection AddMixpanelSyncGrains(
        this IServiceCollection services,
        IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<MixpanelSyncOptions>()
            .Bind(configuration.GetSection(MixpanelSyncOptions.SectionName))
            .Validate(
                options => options.ReminderPeriod >= TimeSpan.FromMinutes(1),
                "MixpanelSync:ReminderPeriod must be at least 1 minute.")
            .Validate(
                options => options.MaxEventsPerBatch is >= 1 and <= 2000,
                "MixpanelSync:MaxEventsPerBatch must be 1 to 2000.")
            .Validate(options => options.MaxBatchesInFlight >= 1, "MixpanelSync:MaxBatchesInFlight must be at least 1.")
            .Validate(options => options.MaxAttempts >= 1, "MixpanelSync:MaxAttempts must be at least 1.")
            .ValidateOnStart();
        services.AddOptions<RateBudgetOptions>()
            .Bind(configuration.GetSection(RateBudgetOptions.SectionName))
            .Validate(options => options.Window > TimeSpan.Zero, "MixpanelSync:RateBudget:Window must be positive.")
            .Validate(
                options => options.DecreaseFactor is > 0 and < 1,
                "MixpanelSync:RateBudget:DecreaseFactor must be between 0 and 1.")
            .ValidateOnStart();

        services.AddHttpClient(HttpImportClient.HttpClientName);
        services.TryAddSingleton<IImportClient, HttpImportClient>();
        services.TryAddSingleton<IBrandEventMapper, BasicBrandEventMapper>();
        services.TryAddSingleton<IMixpanelEventCheck, BasicMixpanelEventCheck>();
        services.TryAddSingleton(new SyncClock(TimeProvider.System));
        services.AddDataProtection().SetApplicationName("MixpanelSync");
        services.TryAddSingleton<SecretProtector>();
        return services;
    }

    /// <summary>
    /// Registers the sync grains' services on a silo; see
    /// <see cref="AddMixpanelSyncGrains(IServiceCollection, IConfiguration)"/>.
    /// </summary>
    public static ISiloBuilder AddMixpanelSyncGrains(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddMixpanelSyncGrains(configuration);
        return silo;
    }
}
