using MixpanelSync.Events.Storage;
using MixpanelSync.GrainInterfaces.Integration;
using MixpanelSync.Grains.Tests.Support;
using Orleans.Core.Internal;

namespace MixpanelSync.Grains.Tests.Integration;

[Collection(SyncClusterCollection.Name)]
public sealed class BrandIntegrationTests(SyncClusterFixture fixture)
{
    private readonly SyncScenario _scenario = new(fixture);

    [Fact]
    public async Task Connect_BadToken_FailsAndSavesNothing()
    {
        var brand = _scenario.Brand(SyncScenario.NewId("brand"));

        var result = await brand.ConnectAsync(
            new ConnectRequest("not-a-known-token", MixpanelResidency.Us, SyncScenario.Daily));
        var status = await brand.GetStatusAsync();

        Assert.False(result.Succeeded);
        Assert.Equal(ConnectFailure.InvalidCredentials, result.Failure);
        Assert.Contains("401", result.Message, StringComparison.Ordinal);
        Assert.Equal(ConnectionState.NotConnected, status.State);
        Assert.Null(status.MaskedToken);
        Assert.Null(status.ConnectedAt);
    }

    [Fact]
    public async Task Connect_UnknownTimeZone_FailsWithReason()
    {
        var token = _scenario.AddProject();
        var brand = _scenario.Brand(SyncScenario.NewId("brand"));

        var result = await brand.ConnectAsync(new ConnectRequest(
            token,
            MixpanelResidency.Us,
            SyncSchedule.Daily(2, "Nowhere/City")));

        Assert.False(result.Succeeded);
        Assert.Equal(ConnectFailure.InvalidSettings, result.Failure);
        Assert.Contains("Nowhere/City", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_UnknownExcludedType_FailsWithReason()
    {
        var token = _scenario.AddProject();
        var brand = _scenario.Brand(SyncScenario.NewId("brand"));
        var mapping = MappingSettings.Default with { ExcludedEventTypes = ["no_such_type"] };

        var result = await brand.ConnectAsync(
            new ConnectRequest(token, MixpanelResidency.Us, SyncScenario.Daily, Mapping: mapping));

        Assert.False(result.Succeeded);
        Assert.Equal(ConnectFailure.InvalidSettings, result.Failure);
        Assert.Contains("no_such_type", result.Message, StringComparison.Ordinal);
        Assert.Empty(fixture.Emulator.GetEvents(token));
    }

    [Fact]
    public async Task Connect_ValidToken_MasksTokenAndSchedulesRun()
    {
        var token = _scenario.AddProject();
        var brand = _scenario.Brand(SyncScenario.NewId("brand"));

        var result = await brand.ConnectAsync(new ConnectRequest(token, MixpanelResidency.Us, SyncScenario.Daily));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(ConnectionState.Connected, result.Status.State);
        Assert.EndsWith(token[^4..], result.Status.MaskedToken, StringComparison.Ordinal);
        Assert.DoesNotContain(token, result.Status.MaskedToken, StringComparison.Ordinal);
        Assert.NotNull(result.Status.NextRunAt);
        Assert.Empty(fixture.Emulator.GetEvents(token));
    }

    [Fact]
    public async Task Connect_MixpanelFailing_ReportsUnreachable()
    {
        var token = _scenario.AddProject();
        var brand = _scenario.Brand(SyncScenario.NewId("brand"));
        fixture.Emulator.GetFaults(token).FailNext(50, 503);

        var result = await brand.ConnectAsync(new ConnectRequest(token, MixpanelResidency.Us, SyncScenario.Daily));
        var status = await brand.GetStatusAsync();
        fixture.Emulator.GetFaults(token).Clear();

        Assert.False(result.Succeeded);
        Assert.Equal(ConnectFailure.Unreachable, result.Failure);
        Assert.Contains("503", result.Message, StringComparison.Ordinal);
        Assert.Equal(ConnectionState.NotConnected, status.State);
        Assert.Null(status.MaskedToken);
    }

    [Fact]
    public async Task SyncNow_MixedEvents_ReconcilesWithEmulator()
    {
        var (brandId, token, brand) = await _scenario.ConnectAsync();
        var events = await _scenario.AppendMixedAsync(brandId, count: 12_000, invalidEvery: 100);
        fixture.Emulator.GetFaults(token).FailNext(3, 503);

        var started = await brand.SyncNowAsync();
        var refused = await brand.SyncNowAsync();
        var finished = await SyncScenario.WaitForRunAsync(brand);

        Assert.True(started.Started, started.Message);
        Assert.False(refused.Started);
        Assert.Contains("already in progress", refused.Message, StringComparison.Ordinal);
        Assert.Equal(SyncOutcome.CompletedWithRejections, finished.LastRun!.Outcome);
        Assert.Equal(ConnectionState.Degraded, finished.State);
        Assert.Equal(120, finished.LastRun.RejectedByReason["time out of range"]);
        await _scenario.AssertReconciledAsync(brandId, token, events);
    }

    [Fact]
    public async Task FailedRun_CountsRetriesOfFailedBatch()
    {
        var (brandId, token, brand) = await _scenario.ConnectAsync();
        await _scenario.AppendMixedAsync(brandId, count: 50, invalidEvery: 0);

        // The fixture allows 10 attempts per batch, so 10 failed requests fail the run's only batch.
        fixture.Emulator.GetFaults(token).FailNext(10, 503);
        await brand.SyncNowAsync();
        var finished = await SyncScenario.WaitForRunAsync(brand);
        fixture.Emulator.GetFaults(token).Clear();

        Assert.Equal(SyncOutcome.Failed, finished.LastRun!.Outcome);
        Assert.Equal(0, finished.LastRun.EventsImported);
        Assert.Equal(9, finished.LastRun.Retries);
        Assert.Empty(fixture.Emulator.GetEvents(token));
    }

    [Fact]
    public async Task SyncNow_EventsBeforeConnection_AreSkipped()
    {
        var brandId = SyncScenario.NewId("brand");
        var old = Enumerable.Range(0, 50)
            .Select(i => new SourceEvent(
                TestEvents.VideoView($"old-{i}", DateTimeOffset.UtcNow.AddDays(-3), "user-1"),
                Valid: false))
            .ToList();
        await _scenario.AppendAsync(brandId, old);
        var (_, token, brand) = await _scenario.ConnectAsync(brandId);

        await brand.SyncNowAsync();
        var status = await SyncScenario.WaitForRunAsync(brand);

        Assert.Equal(50, status.LastRun!.EventsSkipped);
        Assert.Equal(0, status.LastRun.EventsSent);
        Assert.Empty(fixture.Emulator.GetEvents(token));
    }

    [Fact]
    public async Task SyncNow_PrefixAndExclusions_ShapeTheEvents()
    {
        var mapping = MappingSettings.Default with
        {
            EventNamePrefix = "BCC ",
            ExcludedEventTypes = ["like"],
            IncludeContext = false,
        };
        var (brandId, token, brand) = await _scenario.ConnectAsync(mapping: mapping);
        var now = DateTimeOffset.UtcNow;
        var view = TestEvents.VideoView("view-1", now, "user-1") with
        {
            Context = new Events.BrandEventContext { Os = "iOS", City = "Oslo" },
        };
        var like = TestEvents.VideoView("like-1", now, "user-1") with
        {
            Type = "like",
            Properties = new Dictionary<string, object?> { ["target_id"] = "post-1" },
        };
        await fixture.Store.AppendAsync(brandId, [view, like]);

        await brand.SyncNowAsync();
        var status = await SyncScenario.WaitForRunAsync(brand);
        var sent = Assert.Single(fixture.Emulator.GetDeduplicatedEvents(token));

        Assert.Equal(SyncOutcome.Succeeded, status.LastRun!.Outcome);
        Assert.Equal(1, status.LastRun.EventsSkipped);
        Assert.Equal("BCC Video View", sent.Name);
        Assert.Null(sent.GetProperty("$os"));
        Assert.Null(sent.GetProperty("$city"));
        Assert.Equal("v-view-1", sent.GetProperty("video_id")?.GetString());
    }

    [Fact]
    public async Task SyncNow_DeactivatedMidRun_ResumesAndReconciles()
    {
        var (brandId, token, brand) = await _scenario.ConnectAsync();
        var events = await _scenario.AppendMixedAsync(brandId, count: 30_000, invalidEvery: 250);
        var faults = fixture.Emulator.GetFaults(token);

        // One request hangs until the deactivation cancels it, so the run is still going when it deactivates.
        faults.SetLatency(TimeSpan.FromMilliseconds(20));
        faults.HangNext(1);
        var started = await brand.SyncNowAsync();
        await WaitForStoredEventsAsync(token, minimum: 10_000);
        var before = await brand.GetStatusAsync();
        await brand.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        faults.Clear();
        var finished = await SyncScenario.WaitForRunAsync(brand);

        Assert.NotNull(before.CurrentRun);
        Assert.Equal(started.RunId, finished.LastRun!.RunId);
        Assert.Equal(SyncOutcome.CompletedWithRejections, finished.LastRun.Outcome);
        Assert.Equal(30_000, finished.LastRun.EventsRead);
        await _scenario.AssertReconciledAsync(brandId, token, events);
    }

    [Fact]
    public async Task SyncNow_DeadLettersStoredBeforeCrash_NotStoredTwice()
    {
        var (brandId, token, brand) = await _scenario.ConnectAsync();
        var events = await _scenario.AppendMixedAsync(brandId, count: 3_000, invalidEvery: 50);
        var sequences = await _scenario.SequencesByEventIdAsync(brandId);

        // A run that crashed after storing these dead letters but before saving its progress.
        var stored = events
            .Where(source => !source.Valid)
            .Take(20)
            .Select(source => new RejectedEvent(
                sequences[source.Event.EventId],
                source.Event,
                "time out of range",
                "properties.time",
                "crashed-run"))
            .ToList();
        await fixture.Store.AddDeadLettersAsync(brandId, stored);

        await brand.SyncNowAsync();
        var finished = await SyncScenario.WaitForRunAsync(brand);
        var deadLetters = await _scenario.ListDeadLettersAsync(brandId);

        Assert.Equal(SyncOutcome.CompletedWithRejections, finished.LastRun!.Outcome);
        Assert.Equal(60, deadLetters.Count);
        Assert.Equal(20, deadLetters.Count(letter => letter.RunId == "crashed-run"));
        await _scenario.AssertReconciledAsync(brandId, token, events);
    }

    [Fact]
    public async Task Disconnect_WithoutConfirmation_ChangesNothing()
    {
        var (_, _, brand) = await _scenario.ConnectAsync();

        var result = await brand.DisconnectAsync(confirmed: false);
        var status = await brand.GetStatusAsync();

        Assert.False(result.Disconnected);
        Assert.Equal(ConnectionState.Connected, status.State);
    }

    [Fact]
    public async Task Disconnect_Confirmed_StopsFurtherRuns()
    {
        var (brandId, _, brand) = await _scenario.ConnectAsync();
        await _scenario.AppendMixedAsync(brandId, count: 10, invalidEvery: 0);

        var result = await brand.DisconnectAsync(confirmed: true);
        var syncNow = await brand.SyncNowAsync();
        var status = await brand.GetStatusAsync();

        Assert.True(result.Disconnected, result.Message);
        Assert.False(syncNow.Started);
        Assert.Equal(ConnectionState.Disconnected, status.State);
        Assert.Null(status.NextRunAt);
    }

    [Fact]
    public async Task SyncNow_TokenRevokedMidRun_EntersErrorState()
    {
        var (brandId, token, brand) = await _scenario.ConnectAsync();
        await _scenario.AppendMixedAsync(brandId, count: 100, invalidEvery: 0);
        fixture.Emulator.GetFaults(token).RevokeToken();

        await brand.SyncNowAsync();
        var status = await SyncScenario.WaitForRunAsync(brand);
        var again = await brand.SyncNowAsync();

        Assert.Equal(ConnectionState.Error, status.State);
        Assert.Contains("401", status.StateReason, StringComparison.Ordinal);
        Assert.Null(status.NextRunAt);
        Assert.False(again.Started);
    }

    private async Task WaitForStoredEventsAsync(string token, int minimum)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (fixture.Emulator.GetEvents(token).Count < minimum)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The emulator did not store {minimum} events within 30 s.");
            await Task.Delay(20);
        }
    }
}
