using MixpanelSync.Events.Storage;

namespace MixpanelSync.Events.Tests.Storage;

public abstract partial class EventStoreContractTests
{
    [Fact]
    public async Task EnsureCreatedAsync_RepeatedAndConcurrent_Succeeds()
    {
        var store = await CreateStoreAsync();

        await Task.WhenAll(store.EnsureCreatedAsync(), store.EnsureCreatedAsync(), store.EnsureCreatedAsync());

        Assert.Equal(0, await store.GetHighWaterMarkAsync(NewBrandId()));
    }

    [Fact]
    public async Task AppendAsync_NewEvents_StoresThemInOrderWithIncreasingSequences()
    {
        var store = await CreateStoreAsync();
        var brandId = NewBrandId();
        var events = NewEvents("e", 3).ToList();

        var result = await store.AppendAsync(brandId, events);
        var stored = await ReadAllAsync(store, brandId, 0, await store.GetHighWaterMarkAsync(brandId));

        Assert.Equal(new AppendResult(3, 0), result);
        Assert.Equal(["e-1", "e-2", "e-3"], EventIds(stored));
        Assert.True(stored[0].Sequence < stored[1].Sequence);
        Assert.True(stored[1].Sequence < stored[2].Sequence);
        Assert.All(stored, e => Assert.Equal(brandId, e.BrandId));
        Assert.All(stored, e => Assert.Equal(Time.GetUtcNow(), e.StoredAt));
    }

    [Fact]
    public async Task AppendAsync_StoredEvent_RoundTripsEveryField()
    {
        var store = await CreateStoreAsync();
        var brandId = NewBrandId();
        var original = NewEvent("round-trip") with
        {
            OccurredAt = new DateTimeOffset(2026, 4, 30, 10, 0, 0, 123, TimeSpan.FromHours(2)),
            Context = new BrandEventContext
            {
                Os = "Android",
                OsVersion = "14",
                AppVersion = "5.2.1",
                DeviceModel = "Pixel 8",
                Manufacturer = "Google",
                Browser = "Chrome",
                Country = "FR",
                Region = "IDF",
                City = "Paris",
                Ip = "198.51.100.7",
            },
        };

        await store.AppendAsync(brandId, [original]);
        var stored = Assert.Single(await store.ReadPageAsync(brandId, 0, long.MaxValue, 10));

        Assert.Equal(BrandEventJson.Serialize(original), BrandEventJson.Serialize(stored.Event));
        Assert.Equal(original.OccurredAt, stored.Event.OccurredAt);
        Assert.Equal(original.Context, stored.Event.Context);
        Assert.Equal(1.25m, stored.Event.Properties["price"]);
        Assert.Equal(12000L, stored.Event.Properties["watch_time_ms"]);
    }

    [Fact]
    public async Task AppendAsync_Resend_CountsDuplicatesAndStoresOnce()
    {
        var store = await CreateStoreAsync();
        var brandId = NewBrandId();
        await store.AppendAsync(brandId, NewEvents("e", 3).ToList());

        var resend = await store.AppendAsync(brandId, [NewEvent("e-1"), NewEvent("e-2"), NewEvent("e-4")]);
        var withinBatch = await store.AppendAsync(brandId, [NewEvent("e-5"), NewEvent("e-5")]);
        var stored = await ReadAllAsync(store, brandId, 0, await store.GetHighWaterMarkAsync(brandId));

        Assert.Equal(new AppendResult(1, 2), resend);
        Assert.Equal(new AppendResult(1, 1), withinBatch);
        Assert.Equal(["e-1", "e-2", "e-3", "e-4", "e-5"], EventIds(stored));
    }

    [Fact]
    public async Task AppendAsync_SameEventIdForTwoBrands_StoresBoth()
    {
        var store = await CreateStoreAsync();
        var firstBrand = NewBrandId();
        var secondBrand = NewBrandId();

        var first = await store.AppendAsync(firstBrand, [NewEvent("shared")]);
        var second = await store.AppendAsync(secondBrand, [NewEvent("shared")]);

        Assert.Equal(new AppendResult(1, 0), first);
        Assert.Equal(new AppendResult(1, 0), second);
        Assert.Single(await store.ReadPageAsync(firstBrand, 0, long.MaxValue, 10));
        Assert.Single(await store.ReadPageAsync(secondBrand, 0, long.MaxValue, 10));
    }

    [Fact]
    public async Task AppendAsync_EmptyBatch_StoresNothing()
    {
        var store = await CreateStoreAsync();
        var brandId = NewBrandId();

        var result = await store.AppendAsync(brandId, []);

        Assert.Equal(new AppendResult(0, 0), result);
        Assert.Equal(0, await store.GetHighWaterMarkAsync(brandId));
    }

    [Fact]
    public async Task AppendAsync_LargeBatch_StoresEveryEvent()
    {
        var store = await CreateStoreAsync();
        var brandId = NewBrandId();

        var result = await store.AppendAsync(brandId, NewEvents("bulk", 2500).ToList());
        var stored = await ReadAllAsync(store, brandId, 0, await store.GetHighWaterMarkAsync(brandId), 1000);

        Assert.Equal(new AppendResult(2500, 0), result);
        Assert.Equal(2500, stored.Count);
        Assert.Equal(2500, stored.Select(e => e.Sequence).Distinct().Count());
    }
}
