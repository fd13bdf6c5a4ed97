namespace MixpanelSync.Mixpanel.Tests.Pipeline;

public sealed class AdaptiveConcurrencyLimitTests
{
    [Fact]
    public async Task Release_RateLimited_HalvesLimit()
    {
        var limit = new AdaptiveConcurrencyLimit(16);
        await limit.WaitAsync(CancellationToken.None);

        var lowered = limit.Release(rateLimited: true);

        Assert.Equal(8, lowered);
        Assert.Equal(8, limit.Limit);
    }

    [Fact]
    public async Task Release_RateLimitedRepeatedlyWithinOneRound_HalvesOnce()
    {
        var limit = new AdaptiveConcurrencyLimit(16);
        for (var i = 0; i < 4; i++)
        {
            await limit.WaitAsync(CancellationToken.None);
        }

        for (var i = 0; i < 4; i++)
        {
            limit.Release(rateLimited: true);
        }

        Assert.Equal(8, limit.Limit);
    }

    [Fact]
    public async Task Release_Success_RaisesLimitUpToMaximum()
    {
        var limit = new AdaptiveConcurrencyLimit(4);
        await limit.WaitAsync(CancellationToken.None);
        limit.Release(rateLimited: true);

        for (var i = 0; i < 5; i++)
        {
            await limit.WaitAsync(CancellationToken.None);
            limit.Release(rateLimited: false);
        }

        Assert.Equal(4, limit.Limit);
    }

    [Fact]
    public async Task WaitAsync_AtLimit_WaitsForRelease()
    {
        var limit = new AdaptiveConcurrencyLimit(1);
        await limit.WaitAsync(CancellationToken.None);

        var second = limit.WaitAsync(CancellationToken.None);
        Assert.False(second.IsCompleted);
        limit.Release(rateLimited: false);

        await second.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task WaitAsync_Cancelled_Throws()
    {
        var limit = new AdaptiveConcurrencyLimit(1);
        await limit.WaitAsync(CancellationToken.None);
        using var cancellation = new CancellationTokenSource();

        var waiting = limit.WaitAsync(cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }
}
