using MixpanelSync.GrainInterfaces.Integration;
using MixpanelSync.Grains.Integration;
using MixpanelSync.Grains.Tests.Support;

namespace MixpanelSync.Grains.Tests.Scheduling;

/// <summary>
/// Scheduled runs of a connected brand on the two-silo cluster. The fake clock moves to each instant of
/// interest and the test then delivers the reminder tick that Orleans would deliver there.
/// </summary>
[Collection(ScheduleClusterCollection.Name)]
public sealed class ScheduledRunTests(ScheduleClusterFixture fixture)
{
    private const string Berlin = "Europe/Berlin";

    private static readonly TimeZoneInfo BerlinZone = TimeZoneInfo.FindSystemTimeZoneById(Berlin);

    private readonly SyncScenario _scenario = new(fixture);

    [Fact]
    public async Task Daily_SpringForward_RunsOncePerDay()
    {
        var year = NextYear();
        var changeDay = LastSunday(year, 3);
        var brand = await ConnectAsync(SyncSchedule.Daily(2, Berlin), At(changeDay.AddDays(-2), 12));

        // 02:00 CET is 01:00 UTC. On the change day 02:00 does not exist and the run moves to 03:00 CEST,
        // the first instant after the gap, which is 01:00 UTC too. From then 02:00 CEST is 00:00 UTC.
        var before = await AssertRunsOnceAtAsync(brand, At(changeDay.AddDays(-1), 1));
        var onChange = await AssertRunsOnceAtAsync(brand, At(changeDay, 1));
        var after = await AssertRunsOnceAtAsync(brand, At(changeDay.AddDays(1), 0));

        Assert.Equal(new TimeOnly(2, 0), LocalTimeOf(before.StartedAt));
        Assert.Equal(new TimeOnly(3, 0), LocalTimeOf(onChange.StartedAt));
        Assert.Equal(new TimeOnly(2, 0), LocalTimeOf(after.StartedAt));
        Assert.Equal(3, (await brand.ListRunsAsync(500)).Count);
    }

    [Fact]
    public async Task Daily_FallBack_RunsAtFirstOccurrence()
    {
        var year = NextYear();
        var changeDay = LastSunday(year, 10);
        var brand = await ConnectAsync(SyncSchedule.Daily(2, Berlin), At(changeDay.AddDays(-2), 12));

        // 02:00 CEST is 00:00 UTC. On the change day 02:00 happens twice, at 00:00 UTC (CEST) and at
        // 01:00 UTC (CET), and the run takes the first. From then 02:00 CET is 01:00 UTC.
        await AssertRunsOnceAtAsync(brand, At(changeDay.AddDays(-1), 0));
        var onChange = await AssertRunsOnceAtAsync(brand, At(changeDay, 0));
        var repeatedHour = await TickAsync(brand, At(changeDay, 1));
        var after = await AssertRunsOnceAtAsync(brand, At(changeDay.AddDays(1), 1));

        Assert.Equal(TimeSpan.FromHours(2), BerlinZone.GetUtcOffset(onChange.StartedAt));
        Assert.Null(repeatedHour);
        Assert.Equal(new TimeOnly(2, 0), LocalTimeOf(after.StartedAt));
        Assert.Equal(3, (await brand.ListRunsAsync(500)).Count);
    }

    [Fact]
    public async Task Weekly_RunsOnChosenWeekdayOnly()
    {
        var year = NextYear();
        var monday = new DateOnly(year, 6, 1);
        while (monday.DayOfWeek != DayOfWeek.Monday)
        {
            monday = monday.AddDays(1);
        }

        var brand = await ConnectAsync(SyncSchedule.Weekly(DayOfWeek.Wednesday, 9, Berlin), At(monday, 12));
        var runs = new List<RunSummary>();
        for (var week = 0; week < 3; week++)
        {
            var wednesday = monday.AddDays(7 * week + 2);
            Assert.Null(await TickAsync(brand, LocalInstant(wednesday.AddDays(-1), 9)));
            runs.Add(await AssertRunsOnceAtAsync(brand, LocalInstant(wednesday, 9)));
            Assert.Null(await TickAsync(brand, LocalInstant(wednesday.AddDays(1), 9)));
        }

        Assert.All(runs, run => Assert.Equal(DayOfWeek.Wednesday, LocalDateOf(run.StartedAt).DayOfWeek));
        Assert.All(runs, run => Assert.Equal(new TimeOnly(9, 0), LocalTimeOf(run.StartedAt)));
        Assert.Equal(3, (await brand.ListRunsAsync(500)).Count);
    }

    [Fact]
    public async Task Monthly_Day31_ClampsToShortMonths()
    {
        var leapYear = NextYear();
        while (!DateTime.IsLeapYear(leapYear))
        {
            leapYear++;
        }

        var brand = await ConnectAsync(SyncSchedule.Monthly(31, 6, Berlin), At(new DateOnly(leapYear, 1, 10), 12));
        var expected = new List<DateOnly>();
        for (var month = 0; month < 14; month++)
        {
            var first = new DateOnly(leapYear, 1, 1).AddMonths(month);
            expected.Add(new DateOnly(first.Year, first.Month, DateTime.DaysInMonth(first.Year, first.Month)));
        }

        var runDates = new List<DateOnly>();
        foreach (var date in expected)
        {
            var run = await AssertRunsOnceAtAsync(brand, LocalInstant(date, 6));
            runDates.Add(LocalDateOf(run.StartedAt));
        }

        Assert.Contains(new DateOnly(leapYear, 2, 29), runDates);
        Assert.Contains(new DateOnly(leapYear, 4, 30), runDates);
        Assert.Contains(new DateOnly(leapYear + 1, 2, 28), runDates);
        Assert.Equal(expected, runDates);
        Assert.Equal(14, (await brand.ListRunsAsync(500)).Count);
    }

    [Fact]
    public async Task MissedPeriods_RunOnceAfterDowntime()
    {
        var start = new DateOnly(NextYear(), 5, 10);
        var brand = await ConnectAsync(SyncSchedule.Daily(2, Berlin), At(start, 12));

        // The first run was due on the 11th, but the silos were down until the 16th at 09:30 UTC.
        var late = new DateTimeOffset(start.AddDays(6).ToDateTime(new TimeOnly(9, 30)), TimeSpan.Zero);
        var caughtUp = await TickAsync(brand, late);
        var again = await TickAsync(brand, late.AddMinutes(5));
        var status = await brand.GetStatusAsync();
        var next = await AssertRunsOnceAtAsync(brand, LocalInstant(start.AddDays(7), 2));

        Assert.NotNull(caughtUp);
        Assert.Equal(late, caughtUp.StartedAt);
        Assert.Equal(SyncOutcome.Succeeded, caughtUp.Outcome);
        Assert.Null(again);
        Assert.Equal(LocalInstant(start.AddDays(7), 2), status.NextRunAt);
        Assert.Equal(LocalInstant(start.AddDays(7), 2), next.StartedAt);
        Assert.Equal(2, (await brand.ListRunsAsync(500)).Count);
    }

    [Fact]
    public async Task SyncNow_DuringRun_IsRejected()
    {
        var brandId = SyncScenario.NewId("brand");
        var token = _scenario.AddProject();

        // The events are dated by the real clock and the fake clock is years ahead, so only a backfill sends them.
        var occurredAt = DateTimeOffset.UtcNow.AddDays(-2);
        var events = Enumerable.Range(0, 20)
            .Select(i => new SourceEvent(TestEvents.VideoView($"view-{i}", occurredAt, "user-1"), true))
            .ToList();
        await _scenario.AppendAsync(brandId, events);
        fixture.Time.SetUtcNow(At(new DateOnly(NextYear(), 1, 5), 12));
        var brand = (await _scenario.ConnectAsync(brandId, token)).Brand;
        await brand.SyncNowAsync();
        await WaitUntilIdleAsync(brand);
        fixture.Emulator.GetFaults(token).SetLatency(TimeSpan.FromSeconds(1));

        var backfill = await brand.StartBackfillAsync(occurredAt.AddDays(-1));
        var syncNow = await brand.SyncNowAsync();
        var tick = await TickAsync(brand, fixture.Time.GetUtcNow().AddDays(3));
        fixture.Emulator.GetFaults(token).SetLatency(TimeSpan.Zero);
        var runs = await brand.ListRunsAsync(500);

        Assert.True(backfill.Started, backfill.Message);
        Assert.False(syncNow.Started);
        Assert.Equal(backfill.RunId, syncNow.RunId);
        Assert.Contains($"Run {backfill.RunId} is already in progress", syncNow.Message, StringComparison.Ordinal);
        Assert.Null(tick);
        Assert.Equal(2, runs.Count);
        Assert.Equal(20, runs.Single(run => run.RunId == backfill.RunId).EventsImported);
    }

    [Fact]
    public async Task FailedBackfill_RetriesAsBackfill()
    {
        var brandId = SyncScenario.NewId("brand");
        var token = _scenario.AddProject();

        // The events are dated by the real clock and the fake clock is years ahead, so only a backfill sends them.
        var occurredAt = DateTimeOffset.UtcNow.AddDays(-2);
        var events = Enumerable.Range(0, 4_500)
            .Select(i => new SourceEvent(TestEvents.VideoView($"view-{i}", occurredAt, $"user-{i % 50}"), true))
            .ToList();
        await _scenario.AppendAsync(brandId, events);
        fixture.Time.SetUtcNow(At(new DateOnly(NextYear(), 3, 2), 12));
        var brand = (await _scenario.ConnectAsync(brandId, token)).Brand;
        await brand.SyncNowAsync();
        await WaitUntilIdleAsync(brand);
        var preview = await brand.PreviewBackfillAsync(occurredAt.AddDays(-1));

        fixture.Emulator.GetFaults(token).SetFailureRate(1.0);
        var backfill = await brand.StartBackfillAsync(occurredAt.AddDays(-1));
        await WaitUntilIdleAsync(brand);
        var failed = await brand.GetStatusAsync();
        fixture.Emulator.GetFaults(token).Clear();
        var retry = await TickAsync(brand, failed.RetryAt!.Value);
        var delivered = fixture.Emulator.GetDeduplicatedEvents(token).Select(e => e.InsertId).ToList();

        Assert.True(backfill.Started, backfill.Message);
        Assert.Equal(events.Count, preview.EventCount);
        Assert.Equal(SyncOutcome.Failed, failed.LastRun!.Outcome);
        Assert.Equal(SyncTrigger.Backfill, failed.LastRun.Trigger);
        Assert.NotNull(retry);
        Assert.Equal(SyncTrigger.Backfill, retry.Trigger);
        Assert.Equal(SyncOutcome.Succeeded, retry.Outcome);
        Assert.Equal(events.Count, retry.EventsImported);
        Assert.Equal(events.Count, delivered.Count);
        Assert.Equal(
            events.Select(source => SyncScenario.InsertIdOf(brandId, source)).Order(),
            delivered.Order());
        await _scenario.AssertReconciledAsync(brandId, token, events);
    }

    [Fact]
    public async Task Disconnect_StopsScheduledRuns()
    {
        var start = new DateOnly(NextYear(), 8, 3);
        var brand = await ConnectAsync(SyncSchedule.Daily(2, Berlin), At(start, 12));
        await AssertRunsOnceAtAsync(brand, LocalInstant(start.AddDays(1), 2));

        var disconnected = await brand.DisconnectAsync(confirmed: true);
        var nextDay = await TickAsync(brand, LocalInstant(start.AddDays(2), 2));
        var weekLater = await TickAsync(brand, LocalInstant(start.AddDays(8), 2));
        var status = await brand.GetStatusAsync();

        Assert.True(disconnected.Disconnected, disconnected.Message);
        Assert.Null(nextDay);
        Assert.Null(weekLater);
        Assert.Equal(ConnectionState.Disconnected, status.State);
        Assert.Null(status.NextRunAt);
        Assert.Single(await brand.ListRunsAsync(500));
    }

    /// <summary>Moves the clock to January 1 of the year after the clock's, so every test starts later.</summary>
    private int NextYear()
    {
        var year = fixture.Time.GetUtcNow().Year + 1;
        fixture.Time.SetUtcNow(new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero));
        return year;
    }

    private async Task<IBrandIntegrationGrain> ConnectAsync(SyncSchedule schedule, DateTimeOffset at)
    {
        fixture.Time.SetUtcNow(at);
        var brand = _scenario.Brand(SyncScenario.NewId("brand"));
        var request = new ConnectRequest(_scenario.AddProject(), MixpanelResidency.Us, schedule);
        var result = await brand.ConnectAsync(request);
        Assert.True(result.Succeeded, result.Message);
        return brand;
    }

    /// <summary>
    /// Asserts that a tick a minute before <paramref name="due"/> starts nothing, a tick at it starts one
    /// scheduled run that succeeds, and a tick a minute later starts nothing. Returns that run.
    /// </summary>
    private async Task<RunSummary> AssertRunsOnceAtAsync(IBrandIntegrationGrain brand, DateTimeOffset due)
    {
        var early = await TickAsync(brand, due.AddMinutes(-1));
        var onTime = await TickAsync(brand, due);
        var late = await TickAsync(brand, due.AddMinutes(1));

        Assert.Null(early);
        Assert.NotNull(onTime);
        Assert.Equal(due, onTime.StartedAt);
        Assert.Equal(SyncTrigger.Schedule, onTime.Trigger);
        Assert.Equal(SyncOutcome.Succeeded, onTime.Outcome);
        Assert.Null(late);
        return onTime;
    }

    /// <summary>
    /// Moves the clock to <paramref name="at"/>, delivers a reminder tick and waits for the run it started.
    /// Returns that run, or null when the tick started none.
    /// </summary>
    private async Task<RunSummary?> TickAsync(IBrandIntegrationGrain brand, DateTimeOffset at)
    {
        fixture.Time.SetUtcNow(at);
        var before = (await brand.ListRunsAsync(500)).Select(run => run.RunId).ToHashSet(StringComparer.Ordinal);
        var status = new TickStatus(at.UtcDateTime, TimeSpan.FromMinutes(5), at.UtcDateTime);

        await brand.AsReference<IRemindable>().ReceiveReminder(BrandIntegrationGrain.ReminderName, status);
        await WaitUntilIdleAsync(brand);
        var started = (await brand.ListRunsAsync(500)).Where(run => !before.Contains(run.RunId)).ToList();

        Assert.True(started.Count <= 1, $"One tick started {started.Count} runs.");
        return started.SingleOrDefault();
    }

    private static async Task WaitUntilIdleAsync(IBrandIntegrationGrain brand)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await brand.GetStatusAsync()).CurrentRun is not null)
        {
            Assert.True(DateTime.UtcNow < deadline, "The run did not finish within 30 seconds.");
            await Task.Delay(20);
        }
    }

    private static DateTimeOffset At(DateOnly date, int utcHour) =>
        new(date.ToDateTime(new TimeOnly(utcHour, 0)), TimeSpan.Zero);

    /// <summary>Returns the instant of a local Berlin time that exists exactly once.</summary>
    private static DateTimeOffset LocalInstant(DateOnly date, int hour)
    {
        var local = date.ToDateTime(new TimeOnly(hour, 0));
        return new DateTimeOffset(local, BerlinZone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static TimeOnly LocalTimeOf(DateTimeOffset instant) =>
        TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, BerlinZone).DateTime);

    private static DateOnly LocalDateOf(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, BerlinZone).DateTime);

    private static DateOnly LastSunday(int year, int month)
    {
        var day = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        while (day.DayOfWeek != DayOfWeek.Sunday)
        {
            day = day.AddDays(-1);
        }

        return day;
    }
}
