using System.Globalization;
using MixpanelSync.MixpanelEmulator;

namespace MixpanelSync.Grains.Tests.Support;

/// <summary>
/// A <see cref="SyncClusterFixture"/> whose Mixpanel projects take at most <see cref="EventsPerWindow"/> events
/// per <see cref="Window"/>, with the rate budget configured to the same limits and batches small enough to fit.
/// </summary>
public sealed class SharedBudgetClusterFixture : SyncClusterFixture
{
    /// <summary>The events each project accepts per window, in the emulator and in the rate budget.</summary>
    public const int EventsPerWindow = 1_000;

    /// <summary>The events per /import request.</summary>
    public const int EventsPerBatch = 100;

    /// <summary>The length of the rolling window, in the emulator and in the rate budget.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    protected override EmulatorRateLimit EmulatorRateLimit { get; } =
        new() { MaxEvents = EventsPerWindow, Window = Window };

    protected override void AddSettings(IDictionary<string, string?> settings)
    {
        settings["MixpanelSync:MaxEventsPerBatch"] = EventsPerBatch.ToString(CultureInfo.InvariantCulture);
        settings["MixpanelSync:RateBudget:Window"] = Window.ToString();
        settings["MixpanelSync:RateBudget:MaxEventsPerWindow"] = EventsPerWindow.ToString(CultureInfo.InvariantCulture);
    }
}
