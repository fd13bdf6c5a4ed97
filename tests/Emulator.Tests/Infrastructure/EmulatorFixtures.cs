using MixpanelSync.MixpanelEmulator;

namespace MixpanelSync.Emulator.Tests;

/// <summary>An emulator whose request cap is 64 KiB, so 413 tests send small bodies.</summary>
public sealed class SmallRequestCapFixture : EmulatorFixture
{
    public const long MaxRequestBytes = 64 * 1024;

    protected override void Configure(MixpanelEmulatorOptions options) => options.MaxRequestBytes = MaxRequestBytes;
}

/// <summary>An emulator that rejects with 401 the /import requests sent to another residency's port.</summary>
public sealed class UnauthorizedResidencyFixture : EmulatorFixture
{
    protected override void Configure(MixpanelEmulatorOptions options) =>
        options.WrongResidency = WrongResidencyBehavior.Unauthorized;
}

/// <summary>An emulator that sends Retry-After: 7 with its 429 responses.</summary>
public sealed class RetryAfterFixture : EmulatorFixture
{
    protected override void Configure(MixpanelEmulatorOptions options) => options.RetryAfter = TimeSpan.FromSeconds(7);
}

/// <summary>An emulator in counting-only mode.</summary>
public sealed class CountingOnlyFixture : EmulatorFixture
{
    protected override void Configure(MixpanelEmulatorOptions options) => options.CountingOnly = true;
}
