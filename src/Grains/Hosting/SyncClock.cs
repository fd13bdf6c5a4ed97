namespace MixpanelSync.Grains.Hosting;

/// <summary>
/// The clock of schedules, budgets and backoffs. A wrapper, so that tests can replace it with a fake time
/// provider without giving the fake to Orleans itself.
/// </summary>
/// <param name="Time">The time provider.</param>
public sealed record SyncClock(TimeProvider Time);
