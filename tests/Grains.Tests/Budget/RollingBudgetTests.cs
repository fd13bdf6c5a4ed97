using MixpanelSync.Grains.Budget;

namespace MixpanelSync.Grains.Tests.Budget;

public sealed class RollingBudgetTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Acquire_WithinLimit_Grants()
    {
        var budget = CreateSut();

        var first = budget.Acquire(Start, bytes: 1_000, events: 60);
        var second = budget.Acquire(Start, bytes: 1_000, events: 40);

        Assert.True(first.Granted);
        Assert.True(second.Granted);
        Assert.NotEqual(first.GrantId, second.GrantId);
        Assert.Equal(100, budget.EventsInWindow);
    }

    [Fact]
    public void Acquire_WindowFull_WaitsWithoutSpending()
    {
        var budget = CreateSut();
        var first = budget.Acquire(Start, bytes: 1_000, events: 80);
        budget.Release(Start.AddSeconds(1), first.GrantId);

        var denied = budget.Acquire(Start.AddSeconds(2), bytes: 1_000, events: 30);

        Assert.False(denied.Granted);
        Assert.Equal(0, denied.GrantId);
        Assert.Equal(TimeSpan.FromSeconds(59), denied.RetryAfter);
        Assert.Equal(80, budget.EventsInWindow);
    }

    [Fact]
    public void Release_GrantLeavesOneWindowAfterRelease()
    {
        var budget = CreateSut();
        var grant = budget.Acquire(Start, bytes: 1_000, events: 100);
        budget.Release(Start.AddSeconds(30), grant.GrantId);

        var beforeExpiry = budget.Acquire(Start.AddSeconds(89), bytes: 1_000, events: 1);
        var afterExpiry = budget.Acquire(Start.AddSeconds(90), bytes: 1_000, events: 100);

        Assert.False(beforeExpiry.Granted);
        Assert.True(afterExpiry.Granted);
    }

    [Fact]
    public void Acquire_GrantStillInFlight_AsksAgainSoon()
    {
        var budget = CreateSut();
        budget.Acquire(Start, bytes: 1_000, events: 100);

        var denied = budget.Acquire(Start.AddMinutes(5), bytes: 1_000, events: 1);

        Assert.False(denied.Granted);
        Assert.Equal(TimeSpan.FromSeconds(1), denied.RetryAfter);
    }

    [Fact]
    public void Acquire_GrantNeverReleased_ExpiresAfterMaxHold()
    {
        var budget = CreateSut();
        budget.Acquire(Start, bytes: 1_000, events: 100);

        var afterHold = budget.Acquire(Start.AddMinutes(16), bytes: 1_000, events: 100);

        Assert.True(afterHold.Granted);
    }

    [Fact]
    public void Acquire_OverWholeBudget_WaitsForEmptyWindow()
    {
        var budget = CreateSut();
        var small = budget.Acquire(Start, bytes: 1_000, events: 1);
        var tooLargeWhileBusy = budget.Acquire(Start, bytes: 1_000, events: 500);
        budget.Release(Start, small.GrantId);

        var tooLargeWhenEmpty = budget.Acquire(Start.AddSeconds(60), bytes: 1_000, events: 500);

        Assert.False(tooLargeWhileBusy.Granted);
        Assert.True(tooLargeWhenEmpty.Granted);
    }

    [Fact]
    public void ReportThrottled_HalvesOncePerIntervalAndRecovers()
    {
        var budget = CreateSut();

        budget.ReportThrottled(Start);
        budget.ReportThrottled(Start);
        var halved = budget.EventLimit;

        // Two seconds later the share has recovered from 0.50 to 0.52 before it is halved again.
        budget.ReportThrottled(Start.AddSeconds(2));
        var halvedAgain = budget.EventLimit;
        var recovered = budget.Snapshot(Start.AddSeconds(100));

        Assert.Equal(50, halved);
        Assert.Equal(26, halvedAgain);
        Assert.Equal(100, recovered.EventLimit);
        Assert.Equal(3, recovered.Throttles);
    }

    [Fact]
    public void Release_UnknownGrant_IsIgnored()
    {
        var budget = CreateSut();

        budget.Release(Start, grantId: 42);

        Assert.Equal(0, budget.EventsInWindow);
    }

    private static RollingBudget CreateSut() => new(new RateBudgetOptions
    {
        Window = TimeSpan.FromSeconds(60),
        MaxEventsPerWindow = 100,
        MaxBytesPerWindow = 1_000_000,
        DecreaseFactor = 0.5,
        DecreaseInterval = TimeSpan.FromSeconds(2),
        RecoveryPerSecond = 0.01,
        MaxGrantHold = TimeSpan.FromMinutes(15),
    });
}
