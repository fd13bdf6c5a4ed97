using System.Text.Json.Nodes;
using MixpanelSync.Events;
using MixpanelSync.GrainInterfaces.Integration;
using MixpanelSync.Grains.Tests.Support;

namespace MixpanelSync.Grains.Tests.Integration;

[Collection(SyncClusterCollection.Name)]
public sealed class ProfilePushTests(SyncClusterFixture fixture)
{
    private static readonly MappingSettings WithProfiles = MappingSettings.Default with { PushProfiles = true };

    private readonly SyncScenario _scenario = new(fixture);

    [Fact]
    public async Task Run_PushProfilesOn_SetsEachUsersProfile()
    {
        var (brandId, token, brand) = await _scenario.ConnectAsync(mapping: WithProfiles);
        var start = DateTimeOffset.UtcNow.AddSeconds(1);
        await fixture.Store.AppendAsync(brandId, UserEvents(start));

        await brand.SyncNowAsync();
        var status = await SyncScenario.WaitForRunAsync(brand);

        Assert.Equal(SyncOutcome.Succeeded, status.LastRun!.Outcome);
        Assert.Equal(2, status.LastRun.ProfilesSent);
        Assert.Equal(0, status.LastRun.ProfilesFailed);
        var profiles = fixture.Emulator.GetProfiles(token);
        Assert.Equal(["ann", "bob"], profiles.Keys.Order(StringComparer.Ordinal));
        var ann = profiles["ann"];
        Assert.Equal(Format(start), ann["first_seen"]!.GetValue<string>());
        Assert.Equal(Format(start.AddMinutes(3)), ann["last_seen"]!.GetValue<string>());
        Assert.Equal(84_000, ann["total_watch_time_ms"]!.GetValue<long>());
        Assert.Equal("""["cyclists"]""", ann["communities"]!.ToJsonString());
        Assert.Equal("iOS", ann["$os"]!.GetValue<string>());
        Assert.Equal(42_000, profiles["bob"]["total_watch_time_ms"]!.GetValue<long>());
        Assert.Equal("[]", profiles["bob"]["communities"]!.ToJsonString());
        var runs = await brand.ListRunsAsync(1);
        Assert.Equal(2, runs[0].ProfilesSent);
    }

    [Fact]
    public async Task Run_ResentByBackfill_LeavesProfilesUnchanged()
    {
        var (brandId, token, brand) = await _scenario.ConnectAsync(mapping: WithProfiles);
        var start = DateTimeOffset.UtcNow.AddSeconds(1);
        await fixture.Store.AppendAsync(brandId, UserEvents(start));
        await brand.SyncNowAsync();
        await SyncScenario.WaitForRunAsync(brand);
        var first = WithoutUpdateTime(fixture.Emulator.GetProfiles(token));

        var backfill = await brand.StartBackfillAsync(start.AddDays(-1));
        var status = await SyncScenario.WaitForRunAsync(brand);
        var second = WithoutUpdateTime(fixture.Emulator.GetProfiles(token));

        Assert.True(backfill.Started, backfill.Message);
        Assert.Equal(SyncTrigger.Backfill, status.LastRun!.Trigger);
        Assert.Equal(first.Keys, second.Keys);
        foreach (var (user, profile) in first)
        {
            Assert.Equal(profile.ToJsonString(), second[user].ToJsonString());
        }
    }

    [Fact]
    public async Task Run_ExcludedTypes_LeftOutOfProfiles()
    {
        var mapping = WithProfiles with { ExcludedEventTypes = [BrandEventTypes.VideoView], IncludeContext = false };
        var (brandId, token, brand) = await _scenario.ConnectAsync(mapping: mapping);
        await fixture.Store.AppendAsync(brandId, UserEvents(DateTimeOffset.UtcNow.AddSeconds(1)));

        await brand.SyncNowAsync();
        var status = await SyncScenario.WaitForRunAsync(brand);

        Assert.Equal(1, status.LastRun!.ProfilesSent);
        var ann = Assert.Single(fixture.Emulator.GetProfiles(token)).Value;
        Assert.Equal(0, ann["total_watch_time_ms"]!.GetValue<long>());
        Assert.Equal("""["cyclists"]""", ann["communities"]!.ToJsonString());
        Assert.False(ann.ContainsKey("$os"));
    }

    [Fact]
    public async Task Run_PushProfilesOff_SendsNothingToEngage()
    {
        var (brandId, token, brand) = await _scenario.ConnectAsync();
        await fixture.Store.AppendAsync(brandId, UserEvents(DateTimeOffset.UtcNow.AddSeconds(1)));

        await brand.SyncNowAsync();
        var status = await SyncScenario.WaitForRunAsync(brand);

        Assert.False(status.Mapping.PushProfiles);
        Assert.Equal(SyncOutcome.Succeeded, status.LastRun!.Outcome);
        Assert.Equal(6, status.LastRun.EventsImported);
        Assert.Equal(0, status.LastRun.ProfilesSent);
        Assert.Empty(fixture.Emulator.GetProfiles(token));
    }

    private static List<BrandEvent> UserEvents(DateTimeOffset start) =>
    [
        Join("j1", start, "ann", "runners"),
        TestEvents.VideoView("v1", start.AddMinutes(1), "ann") with
        {
            Context = new BrandEventContext { Os = "iOS" },
        },
        Join("j2", start.AddMinutes(2), "ann", "cyclists"),
        Join("l1", start.AddMinutes(3), "ann", "runners") with { Type = BrandEventTypes.CommunityLeave },
        TestEvents.VideoView("v2", start.AddMinutes(1), "bob"),
        TestEvents.VideoView("v3", start.AddMinutes(2), "ann"),
    ];

    private static BrandEvent Join(string eventId, DateTimeOffset occurredAt, string userId, string community) =>
        new()
        {
            EventId = eventId,
            Type = BrandEventTypes.CommunityJoin,
            OccurredAt = occurredAt,
            UserId = userId,
            Properties = new Dictionary<string, object?>(StringComparer.Ordinal) { ["community_id"] = community },
        };

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss");

    /// <summary>Drops the emulator's <c>$last_seen</c>, which records when the update arrived.</summary>
    private static Dictionary<string, JsonObject> WithoutUpdateTime(IReadOnlyDictionary<string, JsonObject> profiles) =>
        profiles.ToDictionary(
            pair => pair.Key,
            pair =>
            {
                var copy = pair.Value.DeepClone().AsObject();
                copy.Remove("$last_seen");
                return copy;
            },
            StringComparer.Ordinal);
}
