using Microsoft.Extensions.Time.Testing;

namespace MixpanelSync.Mixpanel.Tests.Integration;

/// <summary>
/// Pushes events through the real HTTP stack into the emulator under each failure Mixpanel produces, and checks
/// that every event ends imported or rejected and that the deduplicated view holds each valid event exactly once.
/// </summary>
public sealed class EmulatorDeliveryTests
{
    private static List<string> ExpectedInsertIds(IEnumerable<int> indexes) =>
        [.. indexes.Select(i => InsertIds.Create("brand-it", $"evt-{i}"))];

    private static void AssertEachOnce(List<EventOutcome> outcomes, int count)
    {
        Assert.Equal(count, outcomes.Count);
        Assert.Equal(Enumerable.Range(0, count).Select(i => (long)i), outcomes.Select(o => o.SourceKey).Order());
    }

    private static void AssertExactlyOnce(IEnumerable<string> expected, List<string> actual)
    {
        Assert.Equal(actual.Count, actual.Distinct().Count());
        Assert.Equal(expected.Order(), actual.Order());
    }

    [Fact]
    public async Task Push_RateLimitStorm_ImportsEveryEventOnce()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        harness.Faults.FailNext(25, 429);

        var (summary, outcomes) = await harness.PushAsync(EmulatorHarness.Events(5000));

        AssertEachOnce(outcomes, 5000);
        Assert.All(outcomes, o => Assert.Equal(EventOutcomeStatus.Imported, o.Status));
        Assert.True(summary.Requests >= 10 + 25);
        AssertExactlyOnce(ExpectedInsertIds(Enumerable.Range(0, 5000)), harness.DeduplicatedInsertIds());
    }

    [Theory]
    [InlineData(502)]
    [InlineData(503)]
    public async Task Push_GatewayErrorBurstsAndRandomFailures_ImportsEveryEventOnce(int status)
    {
        await using var harness = await EmulatorHarness.StartAsync();
        harness.Faults.FailNext(6, status);
        harness.Faults.SetFailureRate(0.3, status);

        var (summary, outcomes) = await harness.PushAsync(EmulatorHarness.Events(3000));

        AssertEachOnce(outcomes, 3000);
        Assert.Equal(3000, summary.ImportedCount);
        AssertExactlyOnce(ExpectedInsertIds(Enumerable.Range(0, 3000)), harness.DeduplicatedInsertIds());
    }

    [Fact]
    public async Task Push_PartialBadRequest_ImportsValidAndReportsRejectedFields()
    {
        // The emulator's clock runs a day behind, so events from the last hour are "in the future" to it and fail
        // its check, while this side's validation accepts them. That yields 400s with failed_records.
        var now = DateTimeOffset.UtcNow;
        await using var harness = await EmulatorHarness.StartAsync(
            options => options.TimeProvider = new FakeTimeProvider(now.AddDays(-1)));
        MixpanelEvent Create(int i) => EmulatorHarness.Event(
            i,
            i % 2 == 0 ? now.AddDays(-3).AddSeconds(-i) : now.AddMinutes(-30));

        var (summary, outcomes) = await harness.PushAsync(EmulatorHarness.Events(2000, Create));

        AssertEachOnce(outcomes, 2000);
        Assert.Equal(1000, summary.ImportedCount);
        Assert.Equal(1000, summary.RejectedCount);
        var rejected = outcomes.Where(o => o.Status == EventOutcomeStatus.Rejected).ToList();
        Assert.All(rejected, o => Assert.Equal(1, o.SourceKey % 2));
        Assert.All(rejected, o => Assert.Equal(OutcomeReason.RejectedByMixpanel, o.Reason));
        Assert.All(rejected, o => Assert.Equal("properties.time", o.Field));
        AssertExactlyOnce(
            ExpectedInsertIds(Enumerable.Range(0, 2000).Where(i => i % 2 == 0)),
            harness.DeduplicatedInsertIds());
    }

    [Fact]
    public async Task Push_PayloadTooLarge_SplitsAndIsolatesOversizeEvent()
    {
        await using var harness = await EmulatorHarness.StartAsync(options => options.MaxRequestBytes = 64 * 1024);
        var block = Enumerable.Range(0, 254).Select(_ => (object?)new string('x', 255)).ToArray();
        MixpanelEvent Create(int i) => i == 777
            ? new MixpanelEvent(
                "Session Ended",
                [.. EmulatorHarness.Event(i).Properties, new("raw_page_html", block)],
                i)
            : EmulatorHarness.Event(i);

        var (_, outcomes) = await harness.PushAsync(EmulatorHarness.Events(1500, Create));

        AssertEachOnce(outcomes, 1500);
        var oversize = Assert.Single(outcomes, o => o.Status != EventOutcomeStatus.Imported);
        Assert.Equal(777, oversize.SourceKey);
        Assert.Equal(OutcomeReason.TooLargeForRequest, oversize.Reason);
        AssertExactlyOnce(
            ExpectedInsertIds(Enumerable.Range(0, 1500).Where(i => i != 777)),
            harness.DeduplicatedInsertIds());
    }

    [Fact]
    public async Task Push_CredentialsRevokedMidStream_StopsAndAccountsForEveryReadEvent()
    {
        await using var harness = await EmulatorHarness.StartAsync(
            configureDelivery: options => options.MaxConcurrentRequests = 1);

        var (summary, outcomes) = await harness.PushAsync(EmulatorHarness.Events(20_000, onRead: i =>
        {
            if (i == 3000)
            {
                harness.Faults.RevokeToken();
            }
        }));

        Assert.True(summary.StoppedOnCredentials);
        Assert.True(summary.EventsRead < 20_000);
        Assert.Equal(summary.EventsRead, outcomes.Count);
        Assert.Equal(outcomes.Count, outcomes.Select(o => o.SourceKey).Distinct().Count());
        Assert.All(
            outcomes.Where(o => o.Status != EventOutcomeStatus.Imported),
            o => Assert.Contains(o.Reason, new[] { OutcomeReason.CredentialsRejected, OutcomeReason.NotSent }));
        var imported = outcomes.Where(o => o.Status == EventOutcomeStatus.Imported).Select(o => (int)o.SourceKey);
        Assert.InRange(summary.ImportedCount, 2000, 3000);
        AssertExactlyOnce(ExpectedInsertIds(imported), harness.DeduplicatedInsertIds());
        Assert.Contains("residency", summary.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Push_ConnectionDroppedAfterStoring_ResendsAndDeduplicates()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        harness.Faults.DropConnectionAfterStoreNext(3);

        var (summary, outcomes) = await harness.PushAsync(EmulatorHarness.Events(3000));

        AssertEachOnce(outcomes, 3000);
        Assert.Equal(3000, summary.ImportedCount);
        Assert.True(
            harness.Emulator.GetEvents(EmulatorHarness.Token).Count > 3000,
            "The dropped requests were stored and resent, so the raw log has duplicates.");
        AssertExactlyOnce(ExpectedInsertIds(Enumerable.Range(0, 3000)), harness.DeduplicatedInsertIds());
    }

    [Fact]
    public async Task Push_HangingRequest_TimesOutAndRetries()
    {
        await using var harness = await EmulatorHarness.StartAsync(
            configureDelivery: options => options.AttemptTimeout = TimeSpan.FromMilliseconds(500));
        harness.Faults.HangNext(1);

        var (summary, outcomes) = await harness.PushAsync(EmulatorHarness.Events(1000));

        AssertEachOnce(outcomes, 1000);
        Assert.Equal(1000, summary.ImportedCount);
        AssertExactlyOnce(ExpectedInsertIds(Enumerable.Range(0, 1000)), harness.DeduplicatedInsertIds());
    }

    [Fact]
    public async Task Push_InvalidEvents_AreRejectedBeforeSendingAndOthersImported()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        MixpanelEvent Create(int i) => i % 5 == 0
            ? new MixpanelEvent("   ", EmulatorHarness.Event(i).Properties, i)
            : EmulatorHarness.Event(i);

        var (summary, outcomes) = await harness.PushAsync(EmulatorHarness.Events(1000, Create));

        AssertEachOnce(outcomes, 1000);
        Assert.Equal(200, summary.RejectedCount);
        AssertExactlyOnce(
            ExpectedInsertIds(Enumerable.Range(0, 1000).Where(i => i % 5 != 0)),
            harness.DeduplicatedInsertIds());
    }

    [Fact]
    public async Task Push_ServiceAccount_IsAuthenticatedWithProjectId()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var account = new ServiceAccountCredentials(
            EmulatorHarness.AccountUser,
            EmulatorHarness.AccountSecret,
            EmulatorHarness.ProjectId);

        var (summary, _) = await harness.PushAsync(
            EmulatorHarness.Events(100),
            MixpanelTarget.ForServiceAccount(MixpanelResidency.Eu, account));

        Assert.Equal(100, summary.ImportedCount);
        Assert.Equal(100, harness.DeduplicatedInsertIds().Count);
    }

    [Fact]
    public async Task Push_EventsWithPlaceholdersAndLongStrings_ArriveRepaired()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        MixpanelEvent Create(int i) => new(
            "Video Viewed",
            [
                new("distinct_id", "undefined"),
                new("time", DateTimeOffset.UtcNow.AddDays(-1)),
                new("$insert_id", "ajs-next-0f3c2b1a9d8e7f6a5b4c3d2e1f0a9b8c:Xy7QpL2mN4rS6tU8vW0zA-" + i),
                new("note", new string('a', 400) + "\uD800"),
            ],
            i);

        var (summary, outcomes) = await harness.PushAsync(EmulatorHarness.Events(10, Create));

        Assert.Equal(10, summary.ImportedCount);
        Assert.All(outcomes, o => Assert.NotEmpty(o.Warnings!));
        var stored = harness.Emulator.GetDeduplicatedEvents(EmulatorHarness.Token);
        Assert.Equal(10, stored.Count);
        Assert.All(stored, e => Assert.Equal("", e.DistinctId));
        Assert.All(stored, e => Assert.Equal(255, e.GetProperty("note")!.Value.GetString()!.Length));
    }

    [Fact]
    public async Task Send_ProfileUpdates_ReachEmulatorProfiles()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        using var builder = new ProfileBatchBuilder(
            harness.Validator,
            new MixpanelBatchOptions(),
            EmulatorHarness.Token);
        builder.Append(
            new ProfileUpdate(
                "fan-1013",
                ProfileOperation.Set,
                [new("tier", "gold"), new("favorite_artist", "Band A")],
                1));
        builder.Append(new ProfileUpdate("fan-1014", ProfileOperation.SetOnce, [new("tier", "silver")], 2));

        var result = await harness.Client.SendAsync(EmulatorHarness.Target, builder.Flush()!);

        Assert.Equal(2, result.ImportedCount);
        var profiles = harness.Emulator.GetProfiles(EmulatorHarness.Token);
        Assert.Equal(
            "gold",
            profiles["fan-1013"]["$properties"]?["tier"]?.GetValue<string>()
                ?? profiles["fan-1013"]["tier"]?.GetValue<string>());
        Assert.True(profiles.ContainsKey("fan-1014"));
    }

    [Fact]
    public async Task Send_ProfileDelete_RemovesEmulatorProfile()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        using var builder = new ProfileBatchBuilder(
            harness.Validator,
            new MixpanelBatchOptions(),
            EmulatorHarness.Token);
        builder.Append(new ProfileUpdate("fan-1", ProfileOperation.Set, [new("tier", "gold")], 1));
        builder.Append(new ProfileUpdate("fan-2", ProfileOperation.Set, [new("tier", "silver")], 2));
        await harness.Client.SendAsync(EmulatorHarness.Target, builder.Flush()!);

        builder.Append(ProfileUpdate.Delete("fan-1", ignoreAlias: true, sourceKey: 3));
        var result = await harness.Client.SendAsync(EmulatorHarness.Target, builder.Flush()!);

        Assert.Equal(1, result.ImportedCount);
        var profiles = harness.Emulator.GetProfiles(EmulatorHarness.Token);
        Assert.False(profiles.ContainsKey("fan-1"));
        Assert.True(profiles.ContainsKey("fan-2"));
    }

    [Fact]
    public async Task Push_TrackEndpoint_DeliversRecentEvents()
    {
        await using var harness = await EmulatorHarness.StartAsync(
            configureDelivery: options => options.Endpoint = MixpanelIngestionEndpoint.Track);
        MixpanelEvent Create(int i) => EmulatorHarness.Event(i, DateTimeOffset.UtcNow.AddHours(-2).AddSeconds(-i));

        var (summary, _) = await harness.PushAsync(EmulatorHarness.Events(50, Create));

        Assert.Equal(50, summary.ImportedCount);
        AssertExactlyOnce(ExpectedInsertIds(Enumerable.Range(0, 50)), harness.DeduplicatedInsertIds());
    }

    [Fact]
    public async Task CheckCredentials_ValidThenRevoked_ReportsEachAndStoresNothing()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var valid = await harness.Client.CheckCredentialsAsync(EmulatorHarness.Target);
        harness.Faults.RevokeToken();
        var revoked = await harness.Client.CheckCredentialsAsync(EmulatorHarness.Target);

        Assert.Equal(CredentialCheckStatus.Accepted, valid.Status);
        Assert.Equal(CredentialCheckStatus.Rejected, revoked.Status);
        Assert.Empty(harness.Emulator.GetEvents(EmulatorHarness.Token));
    }
}
