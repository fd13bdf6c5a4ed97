using MixpanelSync.GrainInterfaces.Integration;
using MixpanelSync.Grains.Tests.Support;
using MixpanelSync.Reliability.Tests.Support;

namespace MixpanelSync.Reliability.Tests.Security;

/// <summary>
/// Scans every line that the cluster's silos and emulators logged during the suite, Trace level included, for
/// project tokens in full. Before the scan it runs the paths that handle tokens: connect, a rejected token, a
/// 401 in a run and a token update.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class SecretLogScanTests(ReliabilityClusterFixture fixture)
{
    private readonly MatrixSteps _steps = new(fixture);

    [Fact]
    public async Task ClusterLogs_NeverContainFullToken()
    {
        var unknownToken = "unknown-token-" + Guid.NewGuid().ToString("N");
        var rejected = await _steps.Scenario.Brand("scan-" + Guid.NewGuid().ToString("N"))
            .ConnectAsync(new ConnectRequest(unknownToken, MixpanelResidency.Us, SyncScenario.Daily));
        var (brandId, token, brand) = await _steps.Scenario.ConnectAsync();
        await _steps.Scenario.AppendMixedAsync(brandId, count: 500, invalidEvery: 50);
        fixture.Emulator.GetFaults(token).RevokeToken();
        await brand.SyncNowAsync();
        var revoked = await SyncScenario.WaitForRunAsync(brand);
        fixture.Emulator.GetFaults(token).Clear();
        var update = await brand.UpdateSettingsAsync(new SettingsUpdate(ProjectToken: token));
        await MatrixSteps.SyncUntilDoneAsync(brand);

        var tokens = new[] { fixture.Emulator, fixture.SmallRequestEmulator, fixture.OutageEmulator! }
            .SelectMany(emulator => emulator.Projects.Select(project => project.Token))
            .Append(unknownToken)
            .ToList();
        var messages = fixture.Logs.Messages;
        var leaks = messages
            .Where(message => tokens.Any(t => message.Contains(t, StringComparison.Ordinal)))
            .ToList();

        Assert.False(rejected.Succeeded);
        Assert.Equal(ConnectionState.Error, revoked.State);
        Assert.True(update.Succeeded, update.Message);
        Assert.True(messages.Count > 200, $"Only {messages.Count} log lines were captured.");
        Assert.Contains(messages, message => message.Contains(token[^4..], StringComparison.Ordinal));
        Assert.True(leaks.Count == 0, $"{leaks.Count} log lines contain a token in full: {leaks.FirstOrDefault()}");
    }
}
