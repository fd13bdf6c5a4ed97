using MixpanelSync.GrainInterfaces.Integration;
using MixpanelSync.Grains.Scheduling;

namespace MixpanelSync.Grains.Integration;

internal sealed partial class BrandIntegrationGrain
{
    /// <summary>
    /// The reminder that checks for due runs; reminder periods are not calendar-aware, state holds the due time.
    /// </summary>
    internal const string ReminderName = "sync-schedule";

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ReminderName)
        {
            return;
        }

        if (State.State is ConnectionState.NotConnected or ConnectionState.Disconnected)
        {
            await UnregisterReminderAsync();
            return;
        }

        if (State.ActiveRun is null && IsRunLoopActive)
        {
            // The last run has ended and only its final state write remains, so a due run need not wait a period.
            await _runTask!.ConfigureAwait(
                ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
        }

        if (IsRunLoopActive || State.ActiveRun is not null || State.State == ConnectionState.Error)
        {
            return;
        }

        var now = clock.Time.GetUtcNow();
        if (State.RetryAt is { } retryAt && retryAt <= now)
        {
            await StartRetryAsync();
            return;
        }

        if (State.NextDueAt is { } dueAt && dueAt <= now)
        {
            // A run after downtime runs once: the next occurrence is computed from now, not from the missed one.
            AdvanceSchedule(now);
            await StartRunAsync(SyncTrigger.Schedule, backfillFrom: null, replayIds: []);
        }
    }

    private void AdvanceSchedule(DateTimeOffset now)
    {
        if (State.Schedule is null)
        {
            return;
        }

        var spread = ScheduleCalculator.SpreadOffset(BrandId, Settings.ScheduleSpreadWindow);
        var occurrence = ScheduleCalculator.NextOccurrence(State.Schedule, now - spread);
        State.NextOccurrence = occurrence;
        State.NextDueAt = occurrence + spread;
        Log.NextRunScheduled(logger, BrandId, State.NextDueAt.Value);
    }

    private async Task UnregisterReminderAsync()
    {
        var reminder = await this.GetReminder(ReminderName);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }
    }
}
