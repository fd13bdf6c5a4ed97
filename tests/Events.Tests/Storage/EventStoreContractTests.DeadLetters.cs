using MixpanelSync.Events.Storage;

namespace MixpanelSync.Events.Tests.Storage;

public abstract partial class EventStoreContractTests
{
    [Fact]
    public async Task AddDeadLettersAsync_RejectedEvents_ListsThemWithReasonAndSource()
    {
        var store = await CreateStoreAsync();
        var brandId = NewBrandId();
        var rejected = new RejectedEvent(7, NewEvent("bad-1"), "time out of range", "time", "run-1");

        var ids = await store.AddDeadLettersAsync(brandId, [rejected, rejected with { Sequence = 8, Field = null }]);
        var letters = await store.ListDeadLettersAsync(brandId, DeadLetterFilter.Pending, 0, 10);

        Assert.Equal(2, ids.Count);
        Assert.True(ids[0] < ids[1]);
        Assert.Equal(ids, letters.Select(letter => letter.Id));
        Assert.Equal(7, letters[0].Sequence);
        Assert.Equal("time out of range", letters[0].Reason);
        Assert.Equal("time", letters[0].Field);
        Assert.Equal("run-1", letters[0].RunId);
        Assert.Equal(Time.GetUtcNow(), letters[0].CreatedAt);
        Assert.Null(letters[0].ReplayedAt);
        Assert.Equal(BrandEventJson.Serialize(rejected.Event), BrandEventJson.Serialize(letters[0].Event));
        Assert.Null(letters[1].Field);
    }

    [Fact]
    public async Task AddDeadLettersAsync_Message_IsListed()
    {
        var store = await CreateStoreAsync();
        var brandId = NewBrandId();
        const string message = "'properties.time' is invalid: must not be more than 1 hour in the future";
        var rejected = new RejectedEvent(
            3,
            NewEvent("bad-1"),
            "rejected by Mixpanel",
            "properties.time",
            "run-1",
            message);

        await store.AddDeadLettersAsync(brandId, [rejected, rejected with { Sequence = 4, Message = null }]);
        var letters = await store.ListDeadLettersAsync(brandId, DeadLetterFilter.All, 0, 10);

        Assert.Equal(message, letters[0].Message);
        Assert.Null(letters[1].Message);
    }

    [Fact]
    public async Task MarkDeadLettersReplayedAsync_SomeIds_HidesThemFromPendingList()
    {
        var store = await CreateStoreAsync();
        var brandId = NewBrandId();
        var otherBrand = NewBrandId();
        var ids = await store.AddDeadLettersAsync(
            brandId,
            Enumerable.Range(1, 3).Select(NewRejected).ToList());
        var otherIds = await store.AddDeadLettersAsync(otherBrand, [NewRejected(1)]);
        Time.Advance(TimeSpan.FromMinutes(5));

        var marked = await store.MarkDeadLettersReplayedAsync(brandId, [ids[0], ids[2], otherIds[0], ids[0]]);
        var markedAgain = await store.MarkDeadLettersReplayedAsync(brandId, [ids[0]]);
        var pending = await store.ListDeadLettersAsync(brandId, DeadLetterFilter.Pending, 0, 10);
        var all = await store.ListDeadLettersAsync(brandId, DeadLetterFilter.All, 0, 10);
        var otherPending = await store.ListDeadLettersAsync(otherBrand, DeadLetterFilter.Pending, 0, 10);

        Assert.Equal(2, marked);
        Assert.Equal(0, markedAgain);
        Assert.Equal([ids[1]], pending.Select(letter => letter.Id));
        Assert.Equal(3, all.Count);
        Assert.Equal(Time.GetUtcNow(), all[0].ReplayedAt);
        Assert.Single(otherPending);
    }

    [Fact]
    public async Task ListDeadLettersAsync_AfterId_ReturnsNextPage()
    {
        var store = await CreateStoreAsync();
        var brandId = NewBrandId();
        var ids = await store.AddDeadLettersAsync(
            brandId,
            Enumerable.Range(1, 5).Select(NewRejected).ToList());

        var firstPage = await store.ListDeadLettersAsync(brandId, DeadLetterFilter.All, 0, 2);
        var secondPage = await store.ListDeadLettersAsync(brandId, DeadLetterFilter.All, firstPage[^1].Id, 2);

        Assert.Equal(ids.Take(2), firstPage.Select(letter => letter.Id));
        Assert.Equal(ids.Skip(2).Take(2), secondPage.Select(letter => letter.Id));
    }

    private static RejectedEvent NewRejected(int sequence) =>
        new(sequence, NewEvent($"bad-{sequence}"), "rejected", null, null);
}
