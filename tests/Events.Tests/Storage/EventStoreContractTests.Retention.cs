using MixpanelSync.Events.Storage;

namespace MixpanelSync.Events.Tests.Storage;

public abstract partial class EventStoreContractTests
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromDays(30);

    [Fact]
    public async Task DeleteExpiredAsync_Connected_DeletesOldPushedAndPreConnectionEventsOnly()
    {
        var store = await CreateStoreAsync();
        var brandId = NewBrandId();
        var connectedAt = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);
        await store.AppendAsync(brandId, [NewEvent("old-pushed")]);
        var pushedMark = await store.GetHighWaterMarkAsync(brandId);
        await store.CommitCursorAsync(brandId, pushedMark);
        await store.AppendAsync(brandId, [NewEvent("old-pending"), NewEvent("old-before-connection") with
        {
            OccurredAt = connectedAt.AddDays(-1),
        }]);
        Time.Advance(MaxAge + TimeSpan.FromDays(1));
        await store.AppendAsync(
            brandId,
            [NewEvent("recent-before-connection") with { OccurredAt = connectedAt.AddDays(-2) }]);
        await store.CommitCursorAsync(brandId, pushedMark);

        var result = await store.DeleteExpiredAsync(brandId, new RetentionRule(MaxAge, connectedAt));
        var left = await ReadAllAsync(store, brandId, 0, long.MaxValue);

        Assert.Equal(new RetentionResult(1, 1, 0), result);
        Assert.Equal(["old-pending", "recent-before-connection"], EventIds(left));
    }

    [Fact]
    public async Task DeleteExpiredAsync_NotConnected_DeletesEveryOldEventAndDeadLetter()
    {
        var store = await CreateStoreAsync();
        var brandId = NewBrandId();
        await store.AppendAsync(brandId, NewEvents("old", 3).ToList());
        await store.AddDeadLettersAsync(brandId, [new RejectedEvent(1, NewEvent("old-1"), "rejected", null, null)]);
        Time.Advance(MaxAge + TimeSpan.FromSeconds(1));
        await store.AppendAsync(brandId, [NewEvent("recent")]);

        var result = await store.DeleteExpiredAsync(brandId, new RetentionRule(MaxAge, ConnectedAt: null));
        var left = await ReadAllAsync(store, brandId, 0, long.MaxValue);

        Assert.Equal(new RetentionResult(0, 3, 1), result);
        Assert.Equal(["recent"], EventIds(left));
        Assert.Empty(await store.ListDeadLettersAsync(brandId, DeadLetterFilter.All, 0, 10));
    }

    [Fact]
    public async Task AppendAsync_AfterRetentionDeletedNewestEvent_TakesSequenceAboveCursor()
    {
        var store = await CreateStoreAsync();
        var brandId = NewBrandId();
        await store.AppendAsync(brandId, NewEvents("old", 2).ToList());
        var cursor = await store.CommitCursorAsync(brandId, await store.GetHighWaterMarkAsync(brandId));
        Time.Advance(MaxAge + TimeSpan.FromDays(1));
        await store.DeleteExpiredAsync(brandId, new RetentionRule(MaxAge, Time.GetUtcNow().AddYears(-1)));

        await store.AppendAsync(brandId, [NewEvent("new")]);
        var read = await ReadAllAsync(store, brandId, cursor, await store.GetHighWaterMarkAsync(brandId));

        Assert.Equal(["new"], EventIds(read));
    }

    [Fact]
    public async Task DeleteEndUserAsync_UserWithDevices_DeletesTheirEventsAndAnonymousDeviceEvents()
    {
        var store = await CreateStoreAsync();
        var brandId = NewBrandId();
        await store.AppendAsync(brandId,
        [
            NewEvent("user-on-phone", "u1", "phone"),
            NewEvent("user-on-tablet", "u1", "tablet"),
            NewEvent("anonymous-on-phone", null, "phone"),
            NewEvent("other-user-on-tablet", "u2", "tablet"),
            NewEvent("other-anonymous", null, "laptop"),
        ]);
        await store.AddDeadLettersAsync(brandId,
        [
            new RejectedEvent(1, NewEvent("dead-user", "u1", "watch"), "rejected", null, null),
            new RejectedEvent(2, NewEvent("dead-other", "u2", "tablet"), "rejected", null, null),
        ]);

        var deletion = await store.DeleteEndUserAsync(brandId, "u1", deviceId: null);
        var left = await ReadAllAsync(store, brandId, 0, long.MaxValue);
        var deadLeft = await store.ListDeadLettersAsync(brandId, DeadLetterFilter.All, 0, 10);

        Assert.Equal(3, deletion.EventsDeleted);
        Assert.Equal(1, deletion.DeadLettersDeleted);
        Assert.Equal(["u1"], deletion.UserIds);
        Assert.Equal(["phone", "tablet", "watch"], deletion.DeviceIds);
        Assert.Equal(["other-user-on-tablet", "other-anonymous"], EventIds(left));
        Assert.Equal(["dead-other"], deadLeft.Select(letter => letter.Event.EventId));
    }

    [Fact]
    public async Task DeleteEndUserAsync_DeviceOnly_DeletesAnonymousEventsOfThatDevice()
    {
        var store = await CreateStoreAsync();
        var brandId = NewBrandId();
        await store.AppendAsync(brandId,
        [
            NewEvent("anonymous-on-kiosk", null, "kiosk"),
            NewEvent("user-on-kiosk", "u3", "kiosk"),
        ]);

        var deletion = await store.DeleteEndUserAsync(brandId, userId: null, deviceId: "kiosk");
        var left = await ReadAllAsync(store, brandId, 0, long.MaxValue);

        Assert.Equal(1, deletion.EventsDeleted);
        Assert.Empty(deletion.UserIds);
        Assert.Equal(["kiosk"], deletion.DeviceIds);
        Assert.Equal(["user-on-kiosk"], EventIds(left));
    }

    [Fact]
    public async Task DeleteEndUserAsync_NoIds_Throws()
    {
        var store = await CreateStoreAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => store.DeleteEndUserAsync(NewBrandId(), null, null));
    }

    [Fact]
    public async Task PurgeBrandAsync_TwoBrands_DeletesOnlyThatBrand()
    {
        var store = await CreateStoreAsync();
        var brandId = NewBrandId();
        var otherBrand = NewBrandId();
        await store.AppendAsync(brandId, NewEvents("e", 4).ToList());
        await store.AddDeadLettersAsync(brandId, [new RejectedEvent(1, NewEvent("e-1"), "rejected", null, null)]);
        await store.AppendAsync(otherBrand, NewEvents("e", 2).ToList());

        var purged = await store.PurgeBrandAsync(brandId);

        Assert.Equal(4, purged);
        Assert.Empty(await store.ReadPageAsync(brandId, 0, long.MaxValue, 10));
        Assert.Empty(await store.ListDeadLettersAsync(brandId, DeadLetterFilter.All, 0, 10));
        Assert.Equal(2, (await store.ReadPageAsync(otherBrand, 0, long.MaxValue, 10)).Count);
    }
}
