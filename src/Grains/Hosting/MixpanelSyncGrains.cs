using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MixpanelSync.Grains.Budget;
using MixpanelSync.Grains.Diagnostics;
using MixpanelSync.Mixpanel;

namespace MixpanelSync.Grains.Hosting;

/// <summary>Registration of the sync grains and the services they use.</summary>
public static class MixpanelSyncGrains
{
    /// <summary>The grain storage provider that holds integration state; the host registers it.</summary>
    public const string StorageName = "MixpanelSync";

    /// <summary>
    /// Registers options (sections <c>MixpanelSync</c>, <c>MixpanelSync:RateBudget</c> and
    /// <c>Mixpanel:Validation</c>), the delivery library configured from the <c>MixpanelSync</c> section, the
    /// <c>MixpanelSync.Grains</c> meter, Data Protection and the clock. The host registers the grain storage named
    /// <see cref="StorageName"/>, a reminder service and an <c>IEventStore</c>.
    /// </summary>
    public static IServiceCollection AddMixpanelSyncGrains(
        this IServiceCollection services,
        IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        AddSyncOptions(services, configuration);
        services.AddOptions<RateBudgetOptions>()
            .Bind(configuration.GetSection(RateBudgetOptions.SectionName))
            .Validate(options => options.Window > TimeSpan.Zero, "MixpanelSync:RateBudget:Window must be positive.")
            .Validate(
                options => options.DecreaseFactor is > 0 and < 1,
                "MixpanelSync:RateBudget:DecreaseFactor must be between 0 and 1.")
            .Validate(
                options => options.MaxGrantHold > TimeSpan.Zero,
                "MixpanelSync:RateBudget:MaxGrantHold must be positive.")
            .ValidateOnStart();

        services.AddMixpanelDelivery();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IConfigureOptions<MixpanelEndpointOptions>, DeliveryOptionsSetup>());
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IConfigureOptions<MixpanelDeliveryOptions>, DeliveryOptionsSetup>());
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IConfigureOptions<MixpanelBatchOptions>, DeliveryOptionsSetup>());
        services.AddOptions<MixpanelValidationOptions>()
            .Bind(configuration.GetSection(MixpanelValidationOptions.SectionName));

        services.TryAddSingleton<GrainMetrics>();
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
        silo.AddIncomingGrainCallFilter<StorageFailureCallFilter>();
        return silo;
    }

    private static void AddSyncOptions(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MixpanelSyncOptions>()
            .Bind(configuration.GetSection(MixpanelSyncOptions.SectionName))
            .Validate(
                options => options.ReminderPeriod >= TimeSpan.FromMinutes(1),
                "MixpanelSync:ReminderPeriod must be at least 1 minute.")
            .Validate(
                options => options.MaxEventsPerBatch is >= 1 and <= 2000,
                "MixpanelSync:MaxEventsPerBatch must be 1 to 2000.")
            .Validate(
                options => options.MaxBatchBytes is >= 1_048_576 and <= 10_485_760,
                "MixpanelSync:MaxBatchBytes must be 1048576 to 10485760.")
            .Validate(options => options.PageSize >= 1, "MixpanelSync:PageSize must be at least 1.")
            .Validate(options => options.MaxBatchesInFlight >= 1, "MixpanelSync:MaxBatchesInFlight must be at least 1.")
            .Validate(options => options.MaxAttempts is >= 1 and <= 50, "MixpanelSync:MaxAttempts must be 1 to 50.")
            .Validate(
                options => options.MaxBatchResends is >= 0 and <= 20,
                "MixpanelSync:MaxBatchResends must be 0 to 20.")
            .Validate(
                options => options.BatchResendDelay >= TimeSpan.Zero,
                "MixpanelSync:BatchResendDelay must not be negative.")
            .Validate(
                options => options.InitialBackoff >= TimeSpan.Zero && options.MaxBackoff >= options.InitialBackoff,
                "MixpanelSync:InitialBackoff must not be negative and MixpanelSync:MaxBackoff not less than it.")
            .Validate(
                options => options.MinJitter >= TimeSpan.Zero && options.MaxJitter >= TimeSpan.Zero,
                "MixpanelSync:MinJitter and MixpanelSync:MaxJitter must not be negative.")
            .Validate(
                options => options.RequestTimeout >= TimeSpan.FromMilliseconds(10)
                    && options.RequestTimeout <= TimeSpan.FromHours(1),
                "MixpanelSync:RequestTimeout must be 10 ms to 1 hour.")
            .Validate(
                options => options.CredentialCheckTimeout > TimeSpan.Zero
                    && options.CredentialCheckTimeout < TimeSpan.FromSeconds(30),
                "MixpanelSync:CredentialCheckTimeout must be positive and below the 30-second grain call timeout.")
            .ValidateOnStart();
    }
}
