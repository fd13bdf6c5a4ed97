using MixpanelSync.Events.Mapping;
using MixpanelSync.GrainInterfaces.Integration;
using MixpanelSync.Grains.Delivery;
using MixpanelSync.Grains.Mapping;
using MixpanelSync.Mixpanel;

namespace MixpanelSync.Grains.Integration;

internal sealed partial class BrandIntegrationGrain
{
    public async Task<EndUserDeletionResult> DeleteEndUserAsync(string? userId, string? deviceId)
    {
        if (string.IsNullOrWhiteSpace(userId) && string.IsNullOrWhiteSpace(deviceId))
        {
            throw new ArgumentException("Give the user id, the device id or both of the end user to delete.");
        }

        // NOTE: a run in progress may still send events of this user that it read before the deletion.
        var deleted = await store.DeleteEndUserAsync(BrandId, NullIfBlank(userId), NullIfBlank(deviceId));
        var identityMode = MappingConversion.ToBrandSettings(State.Mapping).IdentityMerge;
        var distinctIds = BrandEventMapper.DistinctIdsOf(deleted.UserIds, deleted.DeviceIds, identityMode);
        var result = new EndUserDeletionResult(
            deleted.EventsDeleted,
            deleted.DeadLettersDeleted,
            deleted.UserIds,
            deleted.DeviceIds,
            distinctIds,
            ProfileDeletionStatus.NotConnected,
            ProfilesDeleted: 0,
            ProfilesFailed: 0,
            Error: null);

        if (State.State is ConnectionState.NotConnected or ConnectionState.Disconnected || State.ProtectedToken is null)
        {
            ProfileLog.EndUserDeletedLocally(logger, BrandId, deleted.EventsDeleted, distinctIds.Count);
            return result;
        }

        var sent = await SendProfileDeletesAsync(distinctIds);
        ProfileLog.EndUserDeleted(logger, BrandId, deleted.EventsDeleted, sent.ProfilesDeleted, sent.ProfilesFailed);
        return result with
        {
            ProfileStatus = sent.ProfilesFailed == 0 ? ProfileDeletionStatus.Sent : ProfileDeletionStatus.Failed,
            ProfilesDeleted = sent.ProfilesDeleted,
            ProfilesFailed = sent.ProfilesFailed,
            Error = sent.Error,
        };
    }

    /// <summary>
    /// Sends one <c>$delete</c> per distinct_id with <c>$ignore_alias</c> true, so that Mixpanel deletes the profile
    /// stored under that exact id and not a profile that the id is an alias of.
    /// </summary>
    private async Task<(long ProfilesDeleted, long ProfilesFailed, string? Error)> SendProfileDeletesAsync(
        IReadOnlyList<string> distinctIds)
    {
        var destination = CreateDestination();
        var target = DeliveryTargets.Create(destination, protector);
        using var builder = new ProfileBatchBuilder(
            validator,
            batchOptions.Value,
            protector.Unprotect(destination.ProtectedToken));
        var batches = new List<PreparedBatch>();
        long failed = 0;
        for (var i = 0; i < distinctIds.Count; i++)
        {
            var append = builder.Append(ProfileUpdate.Delete(distinctIds[i], ignoreAlias: true, sourceKey: i));
            failed += append.Validation.Rejection is null ? 0 : 1;
            if (append.CompletedBatch is { } batch)
            {
                batches.Add(batch);
            }
        }

        if (builder.Flush() is { } last)
        {
            batches.Add(last);
        }

        long deleted = 0;
        string? error = null;
        foreach (var batch in batches)
        {
            var sent = await ingestionClient.SendAsync(target, batch);
            deleted += sent.ImportedCount;
            failed += sent.RejectedCount + sent.FailedCount;
            error ??= sent.Error;
        }

        return (deleted, failed, error);
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
