using MixpanelSync.Events.Storage;

namespace MixpanelSync.Events.Tests.Storage;

public abstract partial class EventStoreContractTests
{
    [Fact]
    public async Task GetHighWaterMarkAsync_NoEvents_ReturnsZero()
    {
        var store = await CreateStoreAsync();

        Assert.Equal(0, await store.GetHighWaterMarkAsync(NewBrandId()));
    }

    [Fact]
    public async Task ReadPageAsync_PagesUpToHighWaterMark_ReturnsEachEventOnceInOrder()
    {
        var store = await CreateStoreAsync();
        var brandId = NewBrandId();
        await store.AppendAsync(brandId, NewEvents("e", 10).ToList());
        var highWaterMark = await store.GetHighWaterMarkAsync(brandId);
        await store.AppendAsync(brandId, NewEvents("late", 2).ToList());

        var pageSizes = new List<int>();
        var read = new List<StoredEvent>();
        var after = 0L;
        while (await store.ReadPageAsync(brandId, after, highWaterMark, 3) is { Count: > 0 } page)
        {
            pageSizes.Add(page.Count);
            read.AddRange(page);
            after = page[^1].Sequence;
        }

        Assert.Equal([3, 3, 3, 1], pageSizes);
        Assert.Equal(NewEvents("e", 10).Select(e => e.EventId), EventIds(read));
        Assert.Equal(highWaterMark, read[^1].Sequence);
    }

    [Fact]
    public async Task ReadPageAsync_OtherBrandsEvents_AreNotReturned()
    {
        var store = await CreateStoreAsync();
        var brandId = NewBrandId();
        var otherBrand = NewBrandId();
        await store.AppendAsync(brandId, [NewEvent("mine")]);
        await store.AppendAsync(otherBrand, [NewEvent("theirs")]);

        var read = await store.ReadPageAsync(brandId, 0, long.MaxValue, 10);

        Assert.Equal(["mine"], EventIds(read));
    }

    [Fact]
    public async Task CommitCursorAsync_LowerValue_KeepsHigherCursor()
    {
        var store = await CreateStoreAsync();
        var brandId = NewBrandId();

        var initial = await store.GetCursorAsync(brandId);
        var first = await store.CommitCursorAsync(brandId, 40);
        var lower = await store.CommitCursorAsync(brandId, 10);

        Assert.Equal(0, initial);
        Assert.Equal(40, first);
        Assert.Equal(40, lower);
        Assert.Equal(40, await store.GetCursorAsync(brandId));
    }

    [Fact]
    public async Task ReadPageAsync_CrashBetweenPages_ResumesAfterCommittedCursor()
    {
        var brandId = NewBrandId();
        var firstProcess = await CreateStoreAsync();
        await firstProcess.AppendAsync(brandId, NewEvents("e", 10).ToList());
        var highWaterMark = await firstProcess.GetHighWaterMarkAsync(brandId);

        var firstPage = await firstProcess.ReadPageAsync(brandId, 0, highWaterMark, 4);
        await firstProcess.CommitCursorAsync(brandId, firstPage[^1].Sequence);
        var uncommittedPage = await firstProcess.ReadPageAsync(brandId, firstPage[^1].Sequence, highWaterMark, 4);

        var restarted = await CreateStoreAsync();
        var cursor = await restarted.GetCursorAsync(brandId);
        var resumed = await ReadAllAsync(restarted, brandId, cursor, await restarted.GetHighWaterMarkAsync(brandId), 4);

        Assert.Equal(firstPage[^1].Sequence, cursor);
        Assert.Equal(["e-5", "e-6", "e-7", "e-8"], EventIds(uncommittedPage));
        Assert.Equal(NewEvents("e", 10).Skip(4).Select(e => e.EventId), EventIds(resumed));
        Assert.Empty(EventIds(firstPage).Intersect(EventIds(resumed)));
    }

    [Fact]
    public async Task GetHighWaterMarkAsync_AppendHeldOpen_ExcludesLaterCommits()
    {
        var brandId = NewBrandId();
        var slowWriter = await CreateStoreAsync();
        var fastWriter = await CreateStoreAsync();
        var reader = await CreateStoreAsync();
        var slowAppendStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        slowWriter.BeforeAppendCommitAsync = async cancellationToken =>
        {
            slowAppendStarted.TrySetResult();
            await release.Task.WaitAsync(cancellationToken);
        };

        var slowAppend = slowWriter.AppendAsync(brandId, [NewEvent("slow-1"), NewEvent("slow-2")]);
        Task<AppendResult> fastAppend;
        long firstMark;
        List<StoredEvent> firstRun;
        try
        {
            await slowAppendStarted.Task.WaitAsync(TimeSpan.FromSeconds(20));
            fastAppend = fastWriter.AppendAsync(brandId, [NewEvent("fast-1")]);
            await Task.WhenAny(fastAppend, Task.Delay(TimeSpan.FromMilliseconds(500)));

            firstMark = await reader.GetHighWaterMarkAsync(brandId);
            firstRun = await ReadAllAsync(reader, brandId, 0, firstMark);
        }
        finally
        {
            // SQLite's single write lock is held by the slow append, so the cursor commit below waits for it.
            release.TrySetResult();
        }

        await slowAppend;
        await fastAppend;
        await reader.CommitCursorAsync(brandId, firstMark);
        var cursor = await reader.GetCursorAsync(brandId);
        var secondRun = await ReadAllAsync(reader, brandId, cursor, await reader.GetHighWaterMarkAsync(brandId));

        Assert.False(fastAppend.IsFaulted);
        Assert.Equal(
            ["fast-1", "slow-1", "slow-2"],
            EventIds(firstRun.Concat(secondRun)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ReadPageAsync_ConcurrentAppendsDuringRuns_ReadsEveryEventExactlyOnce()
    {
        const int Writers = 3;
        const int BatchesPerWriter = 15;
        const int EventsPerBatch = 4;
        var brandId = NewBrandId();
        var reader = await CreateStoreAsync();
        var writers = new List<RelationalEventStore>();
        for (var i = 0; i < Writers; i++)
        {
            writers.Add(await CreateStoreAsync());
        }

        var appends = Task.WhenAll(writers.Select((writer, w) => Task.Run(async () =>
        {
            for (var b = 0; b < BatchesPerWriter; b++)
            {
                var batch = Enumerable.Range(0, EventsPerBatch).Select(e => NewEvent($"w{w}-b{b}-e{e}")).ToList();
                await writer.AppendAsync(brandId, batch);
            }
        })));

        var read = new List<string>();
        while (true)
        {
            var finished = appends.IsCompleted;
            var cursor = await reader.GetCursorAsync(brandId);
            var highWaterMark = await reader.GetHighWaterMarkAsync(brandId);
            read.AddRange(EventIds(await ReadAllAsync(reader, brandId, cursor, highWaterMark, 5)));
            await reader.CommitCursorAsync(brandId, highWaterMark);
            if (finished)
            {
                break;
            }
        }

        await appends;
        Assert.Equal(Writers * BatchesPerWriter * EventsPerBatch, read.Count);
        Assert.Equal(read.Count, read.Distinct().Count());
    }

    [Fact]
    public async Task ReadUserEventsAsync_SomeUsers_ReturnsTheirEventsInOrder()
    {
        var store = await CreateStoreAsync();
        var brandId = NewBrandId();
        var otherBrand = NewBrandId();
        await store.AppendAsync(brandId, [
            NewEvent("a-1", userId: "u1"),
            NewEvent("b-1", userId: "u2"),
            NewEvent("c-1", userId: "u3"),
            NewEvent("anon-1", userId: null),
            NewEvent("a-2", userId: "u1"),
        ]);
        await store.AppendAsync(otherBrand, [NewEvent("x-1", userId: "u1")]);

        var events = await store.ReadUserEventsAsync(brandId, ["u1", "u3", "u1", "missing"]);

        Assert.Equal(["a-1", "c-1", "a-2"], EventIds(events));
        Assert.True(events[0].Sequence < events[1].Sequence);
        Assert.True(events[1].Sequence < events[2].Sequence);
    }

    [Fact]
    public async Task ReadUserEventsAsync_1200Users_ReadsAcrossChunks()
    {
        var store = await CreateStoreAsync();
        var brandId = NewBrandId();
        var users = Enumerable.Range(0, 1200).Select(i => $"user-{i}").ToList();
        await store.AppendAsync(brandId, [.. users.Select(user => NewEvent("e-" + user, userId: user))]);

        var events = await store.ReadUserEventsAsync(brandId, users);

        Assert.Equal(1200, events.Count);
        Assert.Equal(
            users.Order(StringComparer.Ordinal),
            events.Select(e => e.Event.UserId!).Order(StringComparer.Ordinal));
    }
}
