using MixpanelSync.Events;
using MixpanelSync.Events.Profiles;
using MixpanelSync.Events.Schema;
using MixpanelSync.GrainInterfaces.Integration;
using MixpanelSync.Grains.Delivery;
using MixpanelSync.Mixpanel;

namespace MixpanelSync.Grains.Integration;

internal sealed partial class BrandIntegrationGrain
{
    /// <summary>Users whose stored events are read and turned into profiles at a time.</summary>
    private const int ProfileUsersPerRead = 500;

    /// <summary>
    /// Sets the Mixpanel profiles of the users whose events the run sent, when the run's mapping pushes
    /// profiles. Each profile is derived from all of the user's stored events, so a resend sets the same values.
    /// A profile that fails counts in <see cref="RunCounters.ProfilesFailed"/> and does not fail the run.
    /// </summary>
    /// <remarks>
    /// NOTE: replays push no profiles, and totals cover only the events still stored, so a profile's totals
    /// shrink once retention has deleted some of the user's pushed events.
    /// </remarks>
    private async Task PushProfilesAsync(ActiveRun run, CancellationToken abortToken)
    {
        if (!run.Mapping.PushProfiles || run.Trigger == SyncTrigger.Replay)
        {
            return;
        }

        var userIds = await ReadSentUserIdsAsync(run, abortToken);
        if (userIds.Count == 0)
        {
            return;
        }

        var destination = CreateDestination();
        var target = DeliveryTargets.Create(destination, protector);
        var token = protector.Unprotect(destination.ProtectedToken);
        using var builder = new ProfileBatchBuilder(validator, batchOptions.Value, token);
        var tally = new ProfileTally();
        var excluded = run.Mapping.ExcludedEventTypes.ToHashSet(StringComparer.Ordinal);
        foreach (var chunk in userIds.Chunk(ProfileUsersPerRead))
        {
            var stored = await store.ReadUserEventsAsync(BrandId, chunk, abortToken);
            var profiles = UserProfileBuilder.Build(stored
                .Where(e => !excluded.Contains(e.Event.Type))
                .Select(e => ProfileSource(run.Mapping, e.Event)));
            foreach (var profile in profiles)
            {
                var key = tally.Add();
                foreach (var update in ToUpdates(profile, key))
                {
                    var append = builder.Append(update);
                    tally.Reject(append.Validation.Rejection is null ? null : key);
                    if (append.CompletedBatch is { } batch)
                    {
                        await SendProfilesAsync(run, target, batch, tally, abortToken);
                    }
                }
            }

            DelayDeactivation(TimeSpan.FromMinutes(5));
        }

        if (builder.Flush() is { } last)
        {
            await SendProfilesAsync(run, target, last, tally, abortToken);
        }

        run.Counters.ProfilesSent += tally.Sent;
        run.Counters.ProfilesFailed += tally.Failed;
        ProfileLog.ProfilesPushed(logger, BrandId, run.RunId, tally.Sent, tally.Failed);
    }

    private async Task SendProfilesAsync(
        ActiveRun run,
        MixpanelTarget target,
        PreparedBatch batch,
        ProfileTally tally,
        CancellationToken abortToken)
    {
        var result = await ingestionClient.SendAsync(target, batch, abortToken);
        tally.Record(result);
        if (result.Status != BatchStatus.Completed)
        {
            ProfileLog.ProfileBatchFailed(logger, BrandId, run.RunId, batch.EventCount, result.Status, result.Error);
        }
    }

    /// <summary>
    /// Returns the user ids of the events the run sent: those in its sequence range and send window whose type
    /// is known and not excluded.
    /// </summary>
    private async Task<List<string>> ReadSentUserIdsAsync(ActiveRun run, CancellationToken abortToken)
    {
        var excluded = run.Mapping.ExcludedEventTypes.ToHashSet(StringComparer.Ordinal);
        var until = run.SendUntil ?? DateTimeOffset.MaxValue;
        var userIds = new HashSet<string>(StringComparer.Ordinal);
        var position = run.CursorFrom;
        while (true)
        {
            var page = await store.ReadPageAsync(BrandId, position, run.Position, Settings.PageSize, abortToken);
            if (page.Count == 0)
            {
                return [.. userIds.Order(StringComparer.Ordinal)];
            }

            foreach (var brandEvent in page.Select(stored => stored.Event))
            {
                if (brandEvent.UserId is { } userId
                    && brandEvent.OccurredAt >= run.SendFrom
                    && brandEvent.OccurredAt < until
                    && EventSchema.Find(brandEvent.Type) is not null
                    && !excluded.Contains(brandEvent.Type))
                {
                    userIds.Add(userId);
                }
            }

            position = page[^1].Sequence;
        }
    }

    /// <summary>Returns the event that profiles derive from, without its context when the brand sends none.</summary>
    private static BrandEvent ProfileSource(MappingSettings mapping, BrandEvent brandEvent) =>
        mapping.IncludeContext || brandEvent.Context == BrandEventContext.Empty
            ? brandEvent
            : brandEvent with { Context = BrandEventContext.Empty };

    /// <summary>
    /// Returns the <c>$set</c> and <c>$set_once</c> updates of one profile. The profile's distinct_id is the
    /// user id, which is also the events' distinct_id under both identity modes.
    /// </summary>
    private static ProfileUpdate[] ToUpdates(UserProfileChanges profile, long key) =>
    [
        new(profile.DistinctId, ProfileOperation.Set, profile.Set, key),
        new(profile.DistinctId, ProfileOperation.SetOnce, profile.SetOnce, key),
    ];

    /// <summary>Counts profiles. A profile fails when any of its updates was rejected or not delivered.</summary>
    private sealed class ProfileTally
    {
        private readonly HashSet<long> _failed = [];
        private long _count;

        public long Sent => _count - _failed.Count;

        public long Failed => _failed.Count;

        public long Add() => ++_count;

        public void Reject(long? key)
        {
            if (key is { } failed)
            {
                _failed.Add(failed);
            }
        }

        public void Record(BatchResult result)
        {
            foreach (var outcome in result.Outcomes)
            {
                if (outcome.Status != EventOutcomeStatus.Imported)
                {
                    _failed.Add(outcome.SourceKey);
                }
            }
        }
    }
}
