using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MixpanelSync.Grains.Hosting;
using MixpanelSync.MixpanelEmulator;

namespace MixpanelSync.Grains.Tests.Support;

/// <summary>
/// A <see cref="SyncClusterFixture"/> whose grains take the time from <see cref="Time"/>, a fake clock that
/// only moves when a test moves it, with no spread of scheduled runs. Orleans itself keeps the real clock, so
/// reminders do not follow the fake one. Tests call the grain's reminder handler after moving it. The US and
/// EU emulator's clock runs a day behind the real one, so that events from the last day fail Mixpanel's
/// check of future times while the grains' validation, which follows the real clock, accepts them.
/// </summary>
public sealed class ScheduleClusterFixture : SyncClusterFixture
{
    /// <summary>The grains' clock. It only moves forward, so each test starts at a later date than the last.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));

    protected override void ConfigureEmulator(MixpanelEmulatorOptions options) =>
        options.TimeProvider = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-1));

    protected override void AddSettings(IDictionary<string, string?> settings)
    {
        settings["MixpanelSync:ScheduleSpreadWindow"] = "00:00:00";
    }

    protected override void ConfigureSilo(ISiloBuilder silo)
    {
        // Registered first, because the grains' registration adds the system clock only when none is present.
        silo.Services.AddSingleton(new SyncClock(Time));
        base.ConfigureSilo(silo);
    }
}
