using MixpanelSync.GrainInterfaces.Integration;
using MixpanelSync.Grains.Tests.Support;
using MixpanelSync.Reliability.Tests.Support;

namespace MixpanelSync.Reliability.Tests.Matrix;

/// <summary>
/// Faults in Mixpanel's /import responses, each injected into a full sync on the two-silo cluster and ended with
/// an exact reconciliation. Backoffs are scaled down to 20-200 ms and the request timeout to 2 s.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class DeliveryFaultTests(ReliabilityClusterFixture fixture)
{
    private readonly MatrixSteps _steps = new(fixture);

    [Fact]
    public async Task RateLimitStorm_LongerThanBackoffCap_Reconciles()
    {
        var (brandId, token, brand) = await _steps.Scenario.ConnectAsync();
        var events = await _steps.Scenario.AppendMixedAsync(brandId, count: 8_000, invalidEvery: 200);
        var faults = fixture.Emulator.GetFaults(token);

        // Every request gets 429 for 1.5 s, more than seven times the 200 ms backoff cap.
        faults.SetFailureRate(1.0, 429);
        await brand.SyncNowAsync();
        await Task.Delay(TimeSpan.FromMilliseconds(1_500));
        faults.Clear();
        var status = await MatrixSteps.SyncUntilDoneAsync(brand);

        var runs = await brand.ListRunsAsync(50);

        Assert.Equal(SyncOutcome.CompletedWithRejections, status.LastRun!.Outcome);
        Assert.True(
            runs.Any(run => run.Outcome == SyncOutcome.Failed) || runs.Sum(run => run.Retries) >= 5,
            "The storm neither failed a run nor caused retries.");
        await _steps.AssertExactAsync(brandId, token, events, fixture.Emulator);
    }

    [Fact]
    public async Task GatewayErrorBursts_502Then503_Reconciles()
    {
        var (brandId, token, brand) = await _steps.Scenario.ConnectAsync();
        var faults = fixture.Emulator.GetFaults(token);
        var events = new List<SourceEvent>();

        // Each burst fails the next 6 requests, and no request succeeds while the burst lasts.
        foreach (var (status, prefix) in new[] { (502, "first"), (503, "second") })
        {
            events.AddRange(await _steps.Scenario.AppendAsync(
                brandId, TestEvents.Mixed(6_000, invalidEvery: 300, idPrefix: prefix)));
            faults.FailNext(6, status);
            var finished = await MatrixSteps.SyncUntilDoneAsync(brand);

            Assert.Equal(SyncOutcome.CompletedWithRejections, finished.LastRun!.Outcome);
            Assert.True(finished.LastRun.Retries >= 6, $"{finished.LastRun.Retries} retries for 6 {status}s.");
        }

        await _steps.AssertExactAsync(brandId, token, events, fixture.Emulator);
    }

    [Fact]
    public async Task RandomFailures_TenPercent_Reconciles()
    {
        var (brandId, token, brand) = await _steps.Scenario.ConnectAsync();
        var events = await _steps.Scenario.AppendMixedAsync(brandId, count: 20_000, invalidEvery: 500);
        var faults = fixture.Emulator.GetFaults(token);

        faults.SetFailureRate(0.1, 503);
        var status = await MatrixSteps.SyncUntilDoneAsync(brand);
        faults.Clear();
        var runs = await brand.ListRunsAsync(50);

        Assert.Equal(SyncOutcome.CompletedWithRejections, status.LastRun!.Outcome);
        Assert.True(runs.Sum(run => run.Retries) > 0, "No request was retried.");
        await _steps.AssertExactAsync(brandId, token, events, fixture.Emulator);
    }

    [Fact]
    public async Task HungRequests_TimeOutAndRetry_Reconciles()
    {
        var (brandId, token, brand) = await _steps.Scenario.ConnectAsync();
        var events = await _steps.Scenario.AppendMixedAsync(brandId, count: 6_000, invalidEvery: 100);
        var faults = fixture.Emulator.GetFaults(token);

        faults.HangNext(3);
        var started = DateTime.UtcNow;
        var status = await MatrixSteps.SyncUntilDoneAsync(brand);
        var elapsed = DateTime.UtcNow - started;
        faults.Clear();

        Assert.Equal(SyncOutcome.CompletedWithRejections, status.LastRun!.Outcome);
        Assert.True(status.LastRun.Retries >= 3, $"{status.LastRun.Retries} retries for 3 hung requests.");
        Assert.True(elapsed >= ReliabilityClusterFixture.RequestTimeout, $"The run took only {elapsed}.");
        await _steps.AssertExactAsync(brandId, token, events, fixture.Emulator);
    }

    [Fact]
    public async Task ConnectionDroppedAfterStore_ResendIsDeduplicated()
    {
        var (brandId, token, brand) = await _steps.Scenario.ConnectAsync();
        var events = await _steps.Scenario.AppendMixedAsync(brandId, count: 6_000, invalidEvery: 100);
        var faults = fixture.Emulator.GetFaults(token);

        faults.DropConnectionAfterStoreNext(2);
        var status = await MatrixSteps.SyncUntilDoneAsync(brand);
        faults.Clear();
        var raw = fixture.Emulator.GetEvents(token).Count;
        var deduplicated = fixture.Emulator.GetDeduplicatedEvents(token).Count;

        Assert.Equal(SyncOutcome.CompletedWithRejections, status.LastRun!.Outcome);
        Assert.True(raw > deduplicated, $"The emulator stored {raw} events, none twice: nothing was resent.");
        await _steps.AssertExactAsync(brandId, token, events, fixture.Emulator);
    }

    [Fact]
    public async Task PartialRejections_MixpanelFailedRecords_DeadLettered()
    {
        var brandId = SyncScenario.NewId("brand");
        var now = DateTimeOffset.UtcNow;

        // Mixpanel's clock runs 2 h behind, so events of the last hour are more than 1 h ahead for it: the
        // service's validation passes them and Mixpanel lists them in failed_records of a 400 response.
        var events = Enumerable.Range(0, 3_000)
            .Select(i => i % 10 == 3
                ? new SourceEvent(TestEvents.VideoView($"recent-{i}", now.AddMinutes(-10), $"user-{i % 31}"), false)
                : new SourceEvent(TestEvents.VideoView($"older-{i}", now.AddHours(-3), $"user-{i % 31}"), true))
            .ToList();
        await _steps.Scenario.AppendAsync(brandId, events);
        var (_, token, brand) = await _steps.Scenario.ConnectAsync(brandId);

        // The regular run skips them all, as they happened before the connection; the backfill sends them.
        var regular = await MatrixSteps.SyncUntilDoneAsync(brand);
        Assert.Equal(events.Count, regular.LastRun!.EventsSkipped);
        fixture.EmulatorClock.Offset = TimeSpan.FromHours(-2);
        IntegrationStatus status;
        try
        {
            var started = await brand.StartBackfillAsync(now.AddDays(-1));
            Assert.True(started.Started, started.Message);
            status = await SyncScenario.WaitForRunAsync(brand, timeoutSeconds: 90);
        }
        finally
        {
            fixture.EmulatorClock.Offset = TimeSpan.Zero;
        }

        var deadLetters = await _steps.Scenario.ListDeadLettersAsync(brandId);
        Assert.Equal(SyncOutcome.CompletedWithRejections, status.LastRun!.Outcome);
        Assert.Equal(300, status.LastRun.RejectedByReason["rejected by Mixpanel"]);
        Assert.All(deadLetters, letter => Assert.Equal("properties.time", letter.Field));
        await _steps.AssertExactAsync(brandId, token, events, fixture.Emulator);
    }

    [Fact]
    public async Task RequestTooLarge_413SplitsBatches_Reconciles()
    {
        var (brandId, token, brand) = await _steps.Scenario.ConnectAsync(residency: MixpanelResidency.India);
        var events = await _steps.Scenario.AppendMixedAsync(brandId, count: 5_000, invalidEvery: 250);

        var status = await MatrixSteps.SyncUntilDoneAsync(brand);
        var emulator = _steps.Scenario.EmulatorOf(MixpanelResidency.India);

        Assert.Equal(SyncOutcome.CompletedWithRejections, status.LastRun!.Outcome);
        Assert.True(emulator.GetStats(token).GetRequestCount(413) > 0, "No request was over the size limit.");
        await _steps.AssertExactAsync(brandId, token, events, emulator);
    }

    [Fact]
    public async Task TokenRevokedMidRun_ResumesAfterTokenUpdate()
    {
        var (brandId, token, brand) = await _steps.Scenario.ConnectAsync();
        // More batches than the run keeps in flight, each held for 300 ms, so that the revocation lands while the
        // last batches still wait for a slot: a run that prepares its batches quickly cannot finish before it.
        var events = await _steps.Scenario.AppendMixedAsync(brandId, count: 40_000, invalidEvery: 400);
        var faults = fixture.Emulator.GetFaults(token);

        faults.SetLatency(TimeSpan.FromMilliseconds(300));
        await brand.SyncNowAsync();
        await MatrixSteps.WaitForStoredAsync(fixture.Emulator, token, minimum: 2_000);
        faults.RevokeToken();
        var revoked = await SyncScenario.WaitForRunAsync(brand, timeoutSeconds: 90);
        var refused = await brand.SyncNowAsync();
        var delivered = fixture.Emulator.GetDeduplicatedEvents(token).Count;
        faults.Clear();
        var update = await brand.UpdateSettingsAsync(new SettingsUpdate(ProjectToken: token));
        var status = await MatrixSteps.SyncUntilDoneAsync(brand);

        Assert.Equal(ConnectionState.Error, revoked.State);
        Assert.Contains("401", revoked.StateReason, StringComparison.Ordinal);
        Assert.False(refused.Started);
        Assert.InRange(delivered, 2_000, 39_999);
        Assert.True(update.Succeeded, update.Message);
        Assert.Equal(SyncOutcome.CompletedWithRejections, status.LastRun!.Outcome);
        Assert.NotEqual(ConnectionState.Error, status.State);
        await _steps.AssertExactAsync(brandId, token, events, fixture.Emulator);
    }
}
