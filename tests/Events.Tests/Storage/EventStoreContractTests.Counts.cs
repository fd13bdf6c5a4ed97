namespace MixpanelSync.Events.Tests.Storage;

public abstract partial class EventStoreContractTests
{
    [Fact]
    public async Task CountEvents_IncludesFromExcludesUntil()
    {
        var store = await CreateStoreAsync();
        var brandId = NewBrandId();
        var from = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);
        var until = from.AddDays(10);
        DateTimeOffset[] times =
        [
            from.AddMilliseconds(-1),
            from,
            from.AddDays(5),
            until.AddMilliseconds(-1),
            until,
            until.AddDays(1),
        ];
        await store.AppendAsync(
            brandId,
            [.. times.Select((time, i) => NewEvent($"e-{i}") with { OccurredAt = time })]);
        await store.AppendAsync(NewBrandId(), [NewEvent("other") with { OccurredAt = from.AddDays(1) }]);

        Assert.Equal(3, await store.CountEventsAsync(brandId, from, until));
        Assert.Equal(6, await store.CountEventsAsync(brandId, DateTimeOffset.MinValue, DateTimeOffset.MaxValue));
        Assert.Equal(2, await store.CountEventsAsync(brandId, until, DateTimeOffset.MaxValue));
    }

    [Fact]
    public async Task CountEvents_EmptyRange_ReturnsZero()
    {
        var store = await CreateStoreAsync();
        var brandId = NewBrandId();
        var at = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);
        await store.AppendAsync(brandId, [NewEvent("e") with { OccurredAt = at }]);

        Assert.Equal(0, await store.CountEventsAsync(brandId, at, at));
        Assert.Equal(0, await store.CountEventsAsync(brandId, at.AddDays(1), at));
        Assert.Equal(0, await store.CountEventsAsync(NewBrandId(), DateTimeOffset.MinValue, DateTimeOffset.MaxValue));
    }

    [Fact]
    public async Task CountEvents_UsesOccurredAtIndex()
    {
        await CreateStoreAsync();

        var plan = await ExplainCountAsync();

        Assert.Contains("ix_brand_events_brand_occurred", plan, StringComparison.Ordinal);
    }

    /// <summary>Returns the database's query plan for the count, as text.</summary>
    private protected abstract Task<string> ExplainCountAsync();
}
