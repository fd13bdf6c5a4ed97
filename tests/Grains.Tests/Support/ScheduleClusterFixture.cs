using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MixpanelSync.Grains.Hosting;

namespace MixpanelSync.Grains.Tests.Support;

/// <summary>
/// A <see cref="SyncClusterFixture"/> whose grains take the time from <see cref="Time"/>, a fake clock that
/// only moves when a test moves it, with no spread of scheduled runs. Orleans itself keeps the real clock, so
/// reminders do not follow the fake one. Tests call the grain's reminder handler after moving it.
/// </summary>
public sealed class ScheduleClusterFixture : SyncClusterFixture
{
    /// <summary>The grains' clock. It only moves forward, so each test starts at a later date than the last.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));

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
