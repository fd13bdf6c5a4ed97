using Microsoft.Extensions.Time.Testing;
using MixpanelSync.Events.Storage;

namespace MixpanelSync.Events.Tests.Storage;

/// <summary>
/// The behaviour every <see cref="IEventStore"/> must show. Each test uses its own brand ids, so tests that
/// share a database do not see each other's rows.
/// </summary>
public abstract partial class EventStoreContractTests : IAsyncLifetime
{
    private readonly List<RelationalEventStore> _stores = [];

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));

    public Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }
    }

    /// <summary>Creates a store over this test's database; several stores stand for several processes.</summary>
    private protected abstract RelationalEventStore CreateStore(TimeProvider timeProvider);

    private protected async Task<RelationalEventStore> CreateStoreAsync()
    {
        var store = CreateStore(Time);
        _stores.Add(store);
        await store.EnsureCreatedAsync();
        return store;
    }

    private static string NewBrandId() => $"brand-{Guid.NewGuid():N}";

    private static BrandEvent NewEvent(string eventId, string? userId = "u1", string? deviceId = "d1") => new()
    {
        EventId = eventId,
        Type = BrandEventTypes.VideoView,
        OccurredAt = new DateTimeOffset(2026, 4, 30, 10, 0, 0, TimeSpan.Zero),
        UserId = userId,
        DeviceId = deviceId,
        SessionId = "s1",
        Context = new BrandEventContext { Os = "iOS", AppVersion = "5.2", Country = "DE", Ip = "203.0.113.9" },
        Properties = new Dictionary<string, object?>
        {
            ["video_id"] = "v9",
            ["watch_time_ms"] = 12000L,
            ["duration_ms"] = 30000L,
            ["price"] = 1.25m,
            ["tags"] = new List<object?> { "a", "b" },
        },
    };

    private static IEnumerable<BrandEvent> NewEvents(string prefix, int count) =>
        Enumerable.Range(1, count).Select(i => NewEvent($"{prefix}-{i}"));

    private static async Task<List<StoredEvent>> ReadAllAsync(
        IEventStore store,
        string brandId,
        long afterSequence,
        long highWaterMark,
        int pageSize = 100)
    {
        var all = new List<StoredEvent>();
        while (true)
        {
            var page = await store.ReadPageAsync(brandId, afterSequence, highWaterMark, pageSize);
            if (page.Count == 0)
            {
                return all;
            }

            all.AddRange(page);
            afterSequence = page[^1].Sequence;
        }
    }

    private static List<string> EventIds(IEnumerable<StoredEvent> events) =>
        events.Select(e => e.Event.EventId).ToList();
}
