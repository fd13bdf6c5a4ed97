using MixpanelSync.Events.Storage;

namespace MixpanelSync.Events.Tests.Storage;

public abstract partial class EventStoreContractTests
{
    [Fact]
    public async Task SaveRunAsync_StartThenEnd_ListsFinalRecord()
    {
        var store = await CreateStoreAsync();
        var brandId = NewBrandId();
        var started = new RunRecord
        {
            RunId = Guid.NewGuid().ToString(),
            BrandId = brandId,
            Trigger = RunTrigger.Manual,
            StartedAt = Time.GetUtcNow(),
            CursorFrom = 10,
            HighWaterMark = 90,
        };
        var ended = started with
        {
            EndedAt = started.StartedAt.AddSeconds(42.5),
            EventsRead = 80,
            EventsSkipped = 3,
            EventsSent = 77,
            EventsImported = 74,
            RejectedByReason = new Dictionary<string, long> { ["time out of range"] = 2, ["invalid distinct_id"] = 1 },
            Retries = 4,
            BytesSent = 123_456,
            Outcome = RunOutcome.CompletedWithRejections,
            Error = "none",
            ProfilesSent = 31,
            ProfilesFailed = 2,
        };

        await store.SaveRunAsync(started);
        var whileRunning = Assert.Single(await store.ListRunsAsync(brandId, 10));
        await store.SaveRunAsync(ended);
        var final = Assert.Single(await store.ListRunsAsync(brandId, 10));

        Assert.Equal(RunOutcome.Running, whileRunning.Outcome);
        Assert.Null(whileRunning.EndedAt);
        Assert.Null(whileRunning.Duration);
        Assert.Equal(ended with { RejectedByReason = final.RejectedByReason }, final);
        Assert.Equal(ended.RejectedByReason, final.RejectedByReason);
        Assert.Equal(3, final.EventsRejected);
        Assert.Equal(31, final.ProfilesSent);
        Assert.Equal(2, final.ProfilesFailed);
        Assert.Equal(TimeSpan.FromSeconds(42.5), final.Duration);
    }

    [Fact]
    public async Task ListRunsAsync_SeveralRuns_ReturnsNewestFirstUpToLimit()
    {
        var store = await CreateStoreAsync();
        var brandId = NewBrandId();
        for (var i = 0; i < 4; i++)
        {
            await store.SaveRunAsync(new RunRecord
            {
                RunId = $"run-{i}-{Guid.NewGuid():N}",
                BrandId = brandId,
                Trigger = RunTrigger.Schedule,
                StartedAt = Time.GetUtcNow().AddHours(i),
            });
        }

        await store.SaveRunAsync(new RunRecord
        {
            RunId = Guid.NewGuid().ToString(),
            BrandId = NewBrandId(),
            Trigger = RunTrigger.Schedule,
            StartedAt = Time.GetUtcNow().AddDays(1),
        });

        var runs = await store.ListRunsAsync(brandId, 3);

        Assert.Equal(3, runs.Count);
        Assert.All(runs, run => Assert.Equal(brandId, run.BrandId));
        Assert.StartsWith("run-3-", runs[0].RunId, StringComparison.Ordinal);
        Assert.StartsWith("run-2-", runs[1].RunId, StringComparison.Ordinal);
        Assert.StartsWith("run-1-", runs[2].RunId, StringComparison.Ordinal);
    }
}
