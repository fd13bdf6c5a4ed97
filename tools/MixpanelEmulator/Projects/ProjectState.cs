namespace MixpanelSync.MixpanelEmulator;

/// <summary>
/// Everything the emulator keeps for one project: definition, stored data, faults, rate limit, counters.
/// </summary>
internal sealed class ProjectState
{
    public ProjectState(
        EmulatorProject project,
        EmulatorRateLimit defaultLimit,
        TimeProvider timeProvider,
        Random random)
    {
        Project = project;
        RateLimiter = new RollingWindowRateLimiter(project.RateLimit ?? defaultLimit, timeProvider);
        Faults = new EmulatorFaults(random);
    }

    public EmulatorProject Project { get; }

    public EventStore Events { get; } = new();

    public ProfileStore UserProfiles { get; } = new(ProfileKind.User);

    public ProfileStore GroupProfiles { get; } = new(ProfileKind.Group);

    public EmulatorFaults Faults { get; }

    public RollingWindowRateLimiter RateLimiter { get; }

    public StatsCounters Stats { get; } = new();
}
