using MixpanelSync.GrainInterfaces.Integration;
using MixpanelSync.Grains.Tests.Support;

namespace MixpanelSync.Grains.Tests.Integration;

[Collection(SyncClusterCollection.Name)]
public sealed class SettingsUpdateTests(SyncClusterFixture fixture)
{
    private readonly SyncScenario _scenario = new(fixture);

    [Fact]
    public async Task UpdateSettings_RejectedToken_KeepsStoredCredentials()
    {
        var (_, token, brand) = await _scenario.ConnectAsync();
        var before = await brand.GetStatusAsync();

        var result = await brand.UpdateSettingsAsync(new SettingsUpdate(ProjectToken: "unknown-token-1234"));
        var after = await brand.GetStatusAsync();

        Assert.False(result.Succeeded);
        Assert.Equal(ConnectFailure.InvalidCredentials, result.Failure);
        Assert.Contains("401", result.Message, StringComparison.Ordinal);
        Assert.Equal(before.MaskedToken, after.MaskedToken);
        Assert.EndsWith(token[^4..], after.MaskedToken, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateSettings_WrongResidencyForToken_IsRejected()
    {
        var (_, _, brand) = await _scenario.ConnectAsync();
        var indiaToken = _scenario.AddProject(MixpanelResidency.India);

        // Only the India emulator has a project with this token; the stored residency points at the US emulator.
        var result = await brand.UpdateSettingsAsync(new SettingsUpdate(ProjectToken: indiaToken));

        Assert.False(result.Succeeded);
        Assert.Equal(ConnectFailure.InvalidCredentials, result.Failure);
        Assert.Contains("Us", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateSettings_NewToken_ClearsErrorState()
    {
        var (brandId, oldToken, brand) = await _scenario.ConnectAsync();
        var events = await _scenario.AppendMixedAsync(brandId, count: 500, invalidEvery: 0);
        fixture.Emulator.GetFaults(oldToken).RevokeToken();
        await brand.SyncNowAsync();
        var failed = await SyncScenario.WaitForRunAsync(brand);
        var newToken = _scenario.AddProject();

        var result = await brand.UpdateSettingsAsync(new SettingsUpdate(ProjectToken: newToken));
        var started = await brand.SyncNowAsync();
        var finished = await SyncScenario.WaitForRunAsync(brand);

        Assert.Equal(ConnectionState.Error, failed.State);
        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(ConnectionState.Connected, result.Status.State);
        Assert.EndsWith(newToken[^4..], result.Status.MaskedToken, StringComparison.Ordinal);
        Assert.True(started.Started, started.Message);
        Assert.Equal(SyncOutcome.Succeeded, finished.LastRun!.Outcome);
        Assert.Empty(fixture.Emulator.GetEvents(oldToken));
        await _scenario.AssertReconciledAsync(brandId, newToken, events);
    }

    [Fact]
    public async Task UpdateSettings_MappingOnly_SendsNoCredentialCheck()
    {
        var (_, token, brand) = await _scenario.ConnectAsync();
        var requestsBefore = fixture.Emulator.GetStats(token).RequestsByStatusCode.Values.Sum();

        var result = await brand.UpdateSettingsAsync(new SettingsUpdate(
            Mapping: MappingSettings.Default with { EventNamePrefix = "App " }));
        var requestsAfter = fixture.Emulator.GetStats(token).RequestsByStatusCode.Values.Sum();

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("App ", result.Status.Mapping.EventNamePrefix);
        Assert.Equal(requestsBefore, requestsAfter);
    }
}
