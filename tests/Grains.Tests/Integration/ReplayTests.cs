using MixpanelSync.Events.Storage;
using MixpanelSync.GrainInterfaces.Integration;
using MixpanelSync.Grains.Tests.Support;

namespace MixpanelSync.Grains.Tests.Integration;

[Collection(SyncClusterCollection.Name)]
public sealed class ReplayTests(SyncClusterFixture fixture)
{
    private const string TagsProperty = "tags";

    private readonly SyncScenario _scenario = new(fixture);

    [Fact]
    public async Task Replay_AfterMappingFix_SendsRejectedEvents()
    {
        // Mixpanel rejects lists of 255 or more elements, so sending the custom "tags" list rejects its events.
        var mapping = MappingSettings.Default with { AllowedCustomProperties = [TagsProperty] };
        var (brandId, token, brand) = await _scenario.ConnectAsync(mapping: mapping);
        var events = await _scenario.AppendAsync(brandId, CreateEvents(valid: 300, longTags: 40, futureDated: 10));
        await brand.SyncNowAsync();
        var first = await SyncScenario.WaitForRunAsync(brand);
        var rejectedBefore = await brand.ListRejectedEventsAsync(includeReplayed: false, afterId: 0, maxCount: 1000);

        await brand.UpdateSettingsAsync(new SettingsUpdate(Mapping: MappingSettings.Default));
        var replay = await brand.ReplayRejectedEventsAsync([]);
        var replayed = await SyncScenario.WaitForRunAsync(brand);
        var pending = await brand.ListRejectedEventsAsync(includeReplayed: false, afterId: 0, maxCount: 1000);
        var all = await brand.ListRejectedEventsAsync(includeReplayed: true, afterId: 0, maxCount: 1000);
        var delivered = fixture.Emulator.GetDeduplicatedEvents(token).Select(e => e.InsertId).ToHashSet();

        Assert.Equal(50, first.LastRun!.EventsRejected);
        Assert.Equal(40, first.LastRun.RejectedByReason["array too long"]);
        Assert.Equal(50, rejectedBefore.Count);
        Assert.True(replay.Started, replay.Message);
        Assert.Equal(SyncTrigger.Replay, replayed.LastRun!.Trigger);
        Assert.Equal(40, replayed.LastRun.EventsImported);
        Assert.Equal(10, replayed.LastRun.EventsRejected);
        Assert.All(events.Take(340), source => Assert.Contains(SyncScenario.InsertIdOf(brandId, source), delivered));
        Assert.Equal(10, pending.Count);
        Assert.All(pending, letter => Assert.Equal(replay.RunId, letter.RunId));
        Assert.All(pending, letter => Assert.Equal("time out of range", letter.Reason));
        Assert.Equal(60, all.Count);
        Assert.Equal(50, all.Count(letter => letter.ReplayedAt is not null));
    }

    [Fact]
    public async Task Replay_SelectedIds_ReplaysOnlyThose()
    {
        var mapping = MappingSettings.Default with { AllowedCustomProperties = [TagsProperty] };
        var (brandId, token, brand) = await _scenario.ConnectAsync(mapping: mapping);
        await _scenario.AppendAsync(brandId, CreateEvents(valid: 0, longTags: 6, futureDated: 0));
        await brand.SyncNowAsync();
        await SyncScenario.WaitForRunAsync(brand);
        var rejected = await brand.ListRejectedEventsAsync(includeReplayed: false, afterId: 0, maxCount: 100);
        await brand.UpdateSettingsAsync(new SettingsUpdate(Mapping: MappingSettings.Default));

        await brand.ReplayRejectedEventsAsync([rejected[1].DeadLetterId, rejected[4].DeadLetterId]);
        var replayed = await SyncScenario.WaitForRunAsync(brand);
        var pending = await brand.ListRejectedEventsAsync(includeReplayed: false, afterId: 0, maxCount: 100);

        Assert.Equal(6, rejected.Count);
        Assert.Equal(2, replayed.LastRun!.EventsImported);
        Assert.Equal(2, fixture.Emulator.GetDeduplicatedEvents(token).Count);
        Assert.Equal(
            rejected.Select(letter => letter.DeadLetterId).Except([rejected[1].DeadLetterId, rejected[4].DeadLetterId]),
            pending.Select(letter => letter.DeadLetterId));
    }

    [Fact]
    public async Task Replay_AfterCrashedReplayWrite_KeepsOnePendingLetter()
    {
        var (brandId, _, brand) = await _scenario.ConnectAsync();
        await _scenario.AppendAsync(brandId, CreateEvents(valid: 5, longTags: 0, futureDated: 8));
        await brand.SyncNowAsync();
        await SyncScenario.WaitForRunAsync(brand);
        var original = await _scenario.ListDeadLettersAsync(brandId);

        // A replay that crashed after storing new dead letters for three events, before marking the old ones.
        var crashed = original.Take(3)
            .Select(letter => new RejectedEvent(letter.Sequence, letter.Event, letter.Reason, letter.Field, "crashed"))
            .ToList();
        await fixture.Store.AddDeadLettersAsync(brandId, crashed);
        await brand.ReplayRejectedEventsAsync([]);
        var replayed = await SyncScenario.WaitForRunAsync(brand);
        var pending = await brand.ListRejectedEventsAsync(includeReplayed: false, afterId: 0, maxCount: 100);

        Assert.Equal(8, original.Count);
        Assert.Equal(SyncTrigger.Replay, replayed.LastRun!.Trigger);
        Assert.Equal(8, replayed.LastRun.EventsRejected);
        Assert.Equal(
            original.Select(letter => letter.Sequence).Order(),
            pending.Select(letter => letter.Sequence).Order());
        Assert.Equal(3, pending.Count(letter => letter.RunId == "crashed"));
    }

    [Fact]
    public async Task Replay_LettersStoredOutsideRuns_AreSent()
    {
        var (brandId, token, brand) = await _scenario.ConnectAsync();
        var events = await _scenario.AppendAsync(brandId, CreateEvents(valid: 4, longTags: 0, futureDated: 0));
        var sequences = await _scenario.SequencesByEventIdAsync(brandId);
        var letters = events
            .Select(source => new RejectedEvent(
                sequences[source.Event.EventId],
                source.Event,
                "rejected by Mixpanel",
                null,
                RunId: null))
            .ToList();
        await fixture.Store.AddDeadLettersAsync(brandId, letters);

        await brand.ReplayRejectedEventsAsync([]);
        var replayed = await SyncScenario.WaitForRunAsync(brand);
        var pending = await brand.ListRejectedEventsAsync(includeReplayed: false, afterId: 0, maxCount: 100);

        Assert.Equal(4, replayed.LastRun!.EventsImported);
        Assert.Empty(pending);
        Assert.Equal(4, fixture.Emulator.GetDeduplicatedEvents(token).Count);
    }

    /// <summary>Creates valid events, then events with a 300-element tag list, then future-dated ones.</summary>
    private static List<SourceEvent> CreateEvents(int valid, int longTags, int futureDated)
    {
        var now = DateTimeOffset.UtcNow;
        var tags = Enumerable.Range(0, 300).Select(i => (object?)$"tag-{i}").ToList();
        var events = new List<SourceEvent>();
        for (var i = 0; i < valid; i++)
        {
            events.Add(new SourceEvent(TestEvents.VideoView($"valid-{i}", now, $"user-{i}"), true));
        }

        for (var i = 0; i < longTags; i++)
        {
            var tagged = TestEvents.VideoView($"tagged-{i}", now, $"user-{i}");
            var properties = new Dictionary<string, object?>(tagged.Properties) { [TagsProperty] = tags };
            events.Add(new SourceEvent(tagged with { Properties = properties }, true));
        }

        for (var i = 0; i < futureDated; i++)
        {
            events.Add(new SourceEvent(TestEvents.FutureDated($"future-{i}", now, $"user-{i}"), false));
        }

        return events;
    }
}
