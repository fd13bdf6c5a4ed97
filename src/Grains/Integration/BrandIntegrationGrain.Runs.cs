using MixpanelSync.Events.Storage.Postgres;
using MixpanelSync.GrainInterfaces.Integration;

namespace MixpanelSync.Grains.Integration;

internal sealed partial class BrandIntegrationGrain
{
    public Task<SyncRequestResult> SyncNowAsync() =>
        StartRunAsync(SyncTrigger.Manual, backfillFrom: null, replayIds: []);

    public Task<SyncRequestResult> ReplayRejectedEventsAsync(IReadOnlyList<long> deadLetterIds) =>
        StartRunAsync(SyncTrigger.Replay, backfillFrom: null, replayIds: deadLetterIds ?? []);

    public Task<SyncRequestResult> StartBackfillAsync(DateTimeOffset from) =>
        StartRunAsync(SyncTrigger.Backfill, from, replayIds: []);

    /// <summary>Starts the run that <see cref="IntegrationState.RetryAt"/> repeats.</summary>
    private Task<SyncRequestResult> StartRetryAsync()
    {
        State.RetryAt = null;
        if (State.RetryTrigger == SyncTrigger.Backfill && State.RetryBackfillFrom is { } from)
        {
            return StartRunAsync(SyncTrigger.Backfill, from, replayIds: [], State.RetryBackfillUntil);
        }

        // State saved before backfills kept their range contains no start, so the retry is a regular run.
        var trigger = State.RetryTrigger == SyncTrigger.Manual ? SyncTrigger.Manual : SyncTrigger.Schedule;
        return StartRunAsync(trigger, backfillFrom: null, replayIds: []);
    }

    public async Task<BackfillPreview> PreviewBackfillAsync(DateTimeOffset from)
    {
        // The backfill reads every stored event and sends those that happened from `from` up to SendFrom, and
        // also the later ones that no regular run has read yet. The count leaves out those later ones, and it
        // includes events of unknown or excluded types, which the backfill rejects or skips.
        var until = State.SendFrom ?? clock.Time.GetUtcNow();
        var count = await store.CountEventsAsync(BrandId, from, until);
        return new BackfillPreview(from, until, count);
    }

    private async Task<SyncRequestResult> StartRunAsync(
        SyncTrigger trigger,
        DateTimeOffset? backfillFrom,
        IReadOnlyList<long> replayIds,
        DateTimeOffset? backfillUntil = null)
    {
        if (State.ActiveRun is { } running)
        {
            return new SyncRequestResult(
                false,
                running.RunId,
                $"Run {running.RunId} is already in progress; try again when it has finished.");
        }

        if (State.State is ConnectionState.NotConnected or ConnectionState.Disconnected)
        {
            return new SyncRequestResult(false, null, "The brand is not connected; connect a Mixpanel project first.");
        }

        if (State.State == ConnectionState.Error)
        {
            return new SyncRequestResult(false, null, $"Runs are paused: {State.StateReason}");
        }

        var run = await CreateRunAsync(trigger, backfillFrom, replayIds, backfillUntil);
        State.ActiveRun = run;
        SetState(ConnectionState.Syncing, null);
        await SaveAsync();
        await store.SaveRunAsync(RunRecords.ToRecord(
            BrandId,
            run,
            RunRecords.ToSummary(run, SyncOutcome.Running, null, null)));

        Log.RunStarted(logger, BrandId, run.RunId, trigger, run.CursorFrom, run.HighWaterMark);
        LaunchRun(run, resumed: false);
        return new SyncRequestResult(true, run.RunId, $"Run {run.RunId} started.");
    }

    private async Task<ActiveRun> CreateRunAsync(
        SyncTrigger trigger,
        DateTimeOffset? backfillFrom,
        IReadOnlyList<long> replayIds,
        DateTimeOffset? backfillUntil)
    {
        var now = clock.Time.GetUtcNow();
        var cursor = await store.GetCursorAsync(BrandId);
        var sendFrom = State.SendFrom ?? now;

        if (trigger == SyncTrigger.Backfill && backfillFrom is { } from)
        {
            // The backfill covers the events stored so far: up to the cursor those that regular runs passed
            // over, and after it those that no run has read yet. Later regular runs send from `from` on. A retry
            // passes the failed backfill's `backfillUntil`, because that backfill already moved SendFrom back.
            State.SendFrom = from < sendFrom ? from : sendFrom;
            var sendUntil = backfillUntil ?? sendFrom;
            return new ActiveRun
            {
                RunId = NewRunId(now),
                Trigger = trigger,
                StartedAt = now,
                Mapping = State.Mapping,
                SendFrom = from,
                SendUntil = sendUntil,
                CursorFrom = 0,
                HighWaterMark = await store.GetHighWaterMarkAsync(BrandId),
                Position = 0,
                BackfillCursor = cursor,
            };
        }

        var highWaterMark = trigger == SyncTrigger.Replay ? cursor : await store.GetHighWaterMarkAsync(BrandId);
        return new ActiveRun
        {
            RunId = NewRunId(now),
            Trigger = trigger,
            StartedAt = now,
            Mapping = State.Mapping,
            SendFrom = sendFrom,
            CursorFrom = cursor,
            HighWaterMark = highWaterMark,
            Position = cursor,
            ReplayIds = [.. replayIds],
        };
    }

    private static string NewRunId(DateTimeOffset now) =>
        $"{now:yyyyMMddHHmmss}-{Guid.NewGuid():N}"[..27];

    private void LaunchRun(ActiveRun run, bool resumed)
    {
        if (resumed)
        {
            Log.RunResumed(logger, BrandId, run.RunId, run.Position);
        }

        _deactivating = false;
        _retired = false;
        _stop = new CancellationTokenSource();
        _abort = new CancellationTokenSource();
        _runTask = ExecuteRunAsync(run, _stop.Token, _abort.Token);
    }

    private async Task ExecuteRunAsync(ActiveRun run, CancellationToken stopToken, CancellationToken abortToken)
    {
        // Yield so that the request that started the run returns before the run's first turn.
        await Task.Yield();
        RunEnd end;
        try
        {
            if (State.State == ConnectionState.Disconnected)
            {
                end = new RunEnd(SyncOutcome.Cancelled, "The brand disconnected.", CredentialsRejected: false);
            }
            else
            {
                SetState(ConnectionState.Syncing, null);
                end = run.Trigger == SyncTrigger.Replay
                    ? await ReplayAsync(run, stopToken, abortToken)
                    : await PumpAsync(run, stopToken, abortToken);
            }
        }
        catch (Exception exception) when (!_deactivating)
        {
            Log.RunCrashed(logger, exception, BrandId, run.RunId);
            ClearPoolsAfterConnectionFailure(exception);
            end = new RunEnd(SyncOutcome.Failed, exception.Message, CredentialsRejected: false);
        }
        catch (Exception exception) when (_deactivating)
        {
            // Deactivation cancelled the run's calls; the saved ActiveRun resumes on the next activation.
            Log.RunSuspended(logger, exception, BrandId, run.RunId, run.Position);
            return;
        }

        if (_deactivating)
        {
            Log.RunSuspended(logger, null, BrandId, run.RunId, run.Position);
            return;
        }

        try
        {
            await FinishRunAsync(run, end);
        }
        catch (Exception exception)
        {
            // The end could not be saved, such as while the database is down. The activation is dropped, so the
            // saved ActiveRun resumes from its saved position on the next activation. Without this the run would
            // stay in progress and block every later run until the silo restarts.
            Log.RunEndNotSaved(logger, exception, BrandId, run.RunId);
            ClearPoolsAfterConnectionFailure(exception);
            DeactivateOnIdle();
        }
    }

    // The retry of the run, and every other user of the pools, then opens fresh connections instead of meeting
    // the dead ones that a PostgreSQL restart leaves in them.
    private static void ClearPoolsAfterConnectionFailure(Exception exception)
    {
        if (PostgresConnectionFailures.IsConnectionFailure(exception))
        {
            PostgresConnectionFailures.ClearPools();
        }
    }

    private async Task FinishRunAsync(ActiveRun run, RunEnd end)
    {
        var now = clock.Time.GetUtcNow();
        var cursorFrom = run.Trigger == SyncTrigger.Backfill ? run.BackfillCursor : run.CursorFrom;
        if (run.Trigger != SyncTrigger.Replay && run.Position > cursorFrom)
        {
            // A crash between saving the position and moving the cursor leaves the cursor behind. The next run
            // starts from the cursor, so the cursor catches up with the position that this run saved.
            await store.CommitCursorAsync(BrandId, run.Position);
        }

        var summary = RunRecords.ToSummary(run, end.Outcome, now, end.Error);
        await store.SaveRunAsync(RunRecords.ToRecord(BrandId, run, summary));
        State.ActiveRun = null;
        State.LastRun = summary;
        ApplyRunEnd(run, end, summary, now);
        await SaveAsync();

        // Counted after the write, because a run whose end was not saved resumes and finishes again.
        metrics.RunFinished(run.Trigger, end.Outcome);

        Log.RunFinished(logger, BrandId, run.RunId, end.Outcome, summary.EventsRead, summary.EventsSkipped,
            summary.EventsImported, summary.EventsRejected, (long)(now - run.StartedAt).TotalMilliseconds);
    }

    private void ApplyRunEnd(ActiveRun run, RunEnd end, RunSummary summary, DateTimeOffset now)
    {
        if (State.State == ConnectionState.Disconnected)
        {
            return;
        }

        if (end.CredentialsRejected)
        {
            Log.CredentialsRejected(logger, BrandId, run.RunId);
            SetState(
                ConnectionState.Error,
                "Mixpanel rejected the credentials (401). Scheduled runs pause until the token is updated.");
            return;
        }

        if (end.Outcome == SyncOutcome.Failed)
        {
            State.ConsecutiveFailures++;
            var backoff = Settings.RunRetryBackoff * Math.Pow(2, Math.Min(State.ConsecutiveFailures - 1, 10));
            State.RetryAt = now + (backoff < Settings.MaxRunRetryBackoff ? backoff : Settings.MaxRunRetryBackoff);
            ScheduleRetryOf(run);
            SetState(
                ConnectionState.Degraded,
                $"Run {run.RunId} failed: {end.Error} It is retried at {State.RetryAt:u}.");
            Log.RunRetryScheduled(logger, BrandId, run.RunId, State.RetryAt.Value);
            return;
        }

        State.ConsecutiveFailures = 0;
        // NOTE: a run that the brand starts and that succeeds while a failed backfill waits for its retry drops
        // the retry, so the rest of the backfill's range is sent only when the brand starts the backfill again.
        State.RetryAt = null;
        State.RetryBackfillFrom = null;
        State.RetryBackfillUntil = null;
        if (summary.EventsRejected > 0)
        {
            SetState(
                ConnectionState.Degraded,
                $"{summary.EventsRejected} events of run {run.RunId} were rejected; see the rejected events.");
        }
        else
        {
            SetState(ConnectionState.Connected, null);
        }
    }

    /// <summary>
    /// Sets what the retry of a failed run repeats. A failed backfill is retried as a backfill of the same range,
    /// because the regular run that follows does not read the events up to the backfill's cursor. Events that the
    /// failed backfill delivered are sent again with the same $insert_id, which Mixpanel deduplicates.
    /// </summary>
    private void ScheduleRetryOf(ActiveRun run)
    {
        if (run.Trigger == SyncTrigger.Backfill)
        {
            State.RetryTrigger = SyncTrigger.Backfill;
            State.RetryBackfillFrom = run.SendFrom;
            State.RetryBackfillUntil = run.SendUntil;
            return;
        }

        State.RetryTrigger = run.Trigger == SyncTrigger.Manual ? SyncTrigger.Manual : SyncTrigger.Schedule;
        State.RetryBackfillFrom = null;
        State.RetryBackfillUntil = null;
    }

    private readonly record struct RunEnd(SyncOutcome Outcome, string? Error, bool CredentialsRejected);
}
