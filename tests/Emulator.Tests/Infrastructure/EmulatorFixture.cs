using Microsoft.Extensions.Time.Testing;
using MixpanelSync.MixpanelEmulator;

namespace MixpanelSync.Emulator.Tests;

/// <summary>
/// One emulator per test class, on free loopback ports. Tests stay independent by creating their own project.
/// </summary>
public class EmulatorFixture : IAsyncLifetime
{
    /// <summary>Start of the fake clock: 2026-03-01 12:00:00 UTC.</summary>
    public static readonly DateTimeOffset StartTime = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Time { get; } = new(StartTime);

    public MixpanelEmulatorHost Emulator { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var options = new MixpanelEmulatorOptions { TimeProvider = Time };
        Configure(options);
        Emulator = await MixpanelEmulatorHost.StartAsync(options);
    }

    public async Task DisposeAsync() => await Emulator.DisposeAsync();

    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>Adds a project with a fresh random token and returns it.</summary>
    public EmulatorProject AddProject(Func<EmulatorProject, EmulatorProject>? customize = null)
    {
        var project = new EmulatorProject("tok" + Guid.NewGuid().ToString("N"));
        return Emulator.AddProject(customize is null ? project : customize(project));
    }

    /// <summary>Adds a project with a tiny rate limit and returns it.</summary>
    public EmulatorProject AddLimitedProject(long maxEvents, long maxBytes = long.MaxValue) =>
        AddProject(project => project with
        {
            RateLimit = new EmulatorRateLimit { MaxEvents = maxEvents, MaxBytes = maxBytes },
        });

    /// <summary>Adds a project with a service account and project id, and returns it.</summary>
    public EmulatorProject AddServiceAccountProject(
        EmulatorServiceAccountRole role = EmulatorServiceAccountRole.Owner,
        DateTimeOffset? expiresAt = null,
        EmulatorIdentityMode identityMode = EmulatorIdentityMode.Simplified) =>
        AddProject(project => project with
        {
            IdentityMode = identityMode,
            ProjectId = Random.Shared.NextInt64(1, long.MaxValue)
                .ToString(System.Globalization.CultureInfo.InvariantCulture),
            ServiceAccount = new EmulatorServiceAccount(
                "sa." + Guid.NewGuid().ToString("N")[..8],
                "secret-" + Guid.NewGuid())
            {
                Role = role,
                ExpiresAt = expiresAt,
            },
        });

    protected virtual void Configure(MixpanelEmulatorOptions options)
    {
    }
}
