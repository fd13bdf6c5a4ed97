using System.Globalization;
using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using MixpanelSync.Grains.Budget;
using MixpanelSync.Grains.Hosting;
using Orleans.Serialization;
using Orleans.Storage;

namespace MixpanelSync.Grains.Tests.Support;

/// <summary>
/// A <see cref="SyncClusterFixture"/> for one test that kills a silo. Integration state outlives the silo, runs
/// send small batches two at a time, and each rate budget acquisition takes <see cref="BudgetCallDelay"/>, so
/// that batch sends wait on calls to the budget grain's silo when it dies.
/// </summary>
public sealed class SiloFailureClusterFixture : SyncClusterFixture
{
    /// <summary>The events per /import request.</summary>
    public const int EventsPerBatch = 200;

    /// <summary>How many times a run sends a batch again after its sender call failed in the cluster.</summary>
    public const int MaxBatchResends = 5;

    /// <summary>The time that each call to acquire rate budget takes.</summary>
    public static readonly TimeSpan BudgetCallDelay = TimeSpan.FromMilliseconds(200);

    /// <summary>The project keys whose rate budget grain fails every acquisition as if its silo were dead.</summary>
    public ConcurrentDictionary<string, bool> UnreachableBudgets { get; } = new(StringComparer.Ordinal);

    private int _acquiresInFlight;

    /// <summary>The calls to acquire rate budget that are being delayed now, on every silo.</summary>
    public int AcquiresInFlight => Volatile.Read(ref _acquiresInFlight);

    private readonly ConcurrentDictionary<string, StoredState> _states = new(StringComparer.Ordinal);

    protected override void AddSettings(IDictionary<string, string?> settings)
    {
        settings["MixpanelSync:MaxEventsPerBatch"] = EventsPerBatch.ToString(CultureInfo.InvariantCulture);
        settings["MixpanelSync:MaxBatchesInFlight"] = "2";
        settings["MixpanelSync:BatchResendDelay"] = "00:00:00.050";
        settings["MixpanelSync:MaxBatchResends"] = MaxBatchResends.ToString(CultureInfo.InvariantCulture);
    }

    protected override void ConfigureSilo(ISiloBuilder silo)
    {
        base.ConfigureSilo(silo);
        silo.AddIncomingGrainCallFilter(async call =>
        {
            if (call.Grain is RateBudgetGrain && call.InterfaceMethod?.Name == nameof(RateBudgetGrain.AcquireAsync))
            {
                Interlocked.Increment(ref _acquiresInFlight);
                try
                {
                    await Task.Delay(BudgetCallDelay);
                }
                finally
                {
                    Interlocked.Decrement(ref _acquiresInFlight);
                }

                if (UnreachableBudgets.ContainsKey(call.TargetId.Key.ToString()!))
                {
                    throw new SiloUnavailableException("The test made this rate budget grain unreachable.");
                }
            }

            await call.Invoke();
        });
    }

    protected override void AddGrainStorage(ISiloBuilder silo) =>
        silo.Services.AddKeyedSingleton<IGrainStorage>(
            MixpanelSyncGrains.StorageName,
            (services, _) => new ProcessGrainStorage(_states, services.GetRequiredService<DeepCopier>()));
}
