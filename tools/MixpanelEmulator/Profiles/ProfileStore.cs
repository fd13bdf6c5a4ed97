using System.Text.Json.Nodes;

namespace MixpanelSync.MixpanelEmulator;

/// <summary>User or group profiles of one project, changed by profile operations under one lock.</summary>
internal sealed class ProfileStore(ProfileKind kind)
{
    /// <summary>A profile may have at most 2000 properties; updates that would exceed it fail.</summary>
    public const int MaxProfileProperties = 2000;

    private readonly Lock _gate = new();
    private readonly Dictionary<ProfileKey, JsonObject> _profiles = [];

    public ProfileKind Kind => kind;

    /// <summary>Applies one update; returns null on success or why it failed, leaving the profile unchanged.</summary>
    public string? Apply(ProfileKey key, ProfileUpdate update, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (update.Operation == ProfileOperation.Delete)
            {
                _profiles.Remove(key);
                return null;
            }

            var exists = _profiles.TryGetValue(key, out var current);
            if (!exists && !ProfileOperations.CreatesProfile(update.Operation))
            {
                return null;
            }

            var changed = current?.DeepClone().AsObject() ?? [];
            var error = ProfileOperations.Apply(changed, update);
            if (error is not null)
            {
                return error;
            }

            if (!update.IgnoreTime)
            {
                changed["$last_seen"] = now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", null);
            }

            if (changed.Count > MaxProfileProperties)
            {
                return $"profile would have {changed.Count} properties; " +
                    $"profiles may have at most {MaxProfileProperties}";
            }

            _profiles[key] = changed;
            return null;
        }
    }

    /// <summary>Returns copies of the profiles whose group key matches (empty for user profiles), by id.</summary>
    public IReadOnlyDictionary<string, JsonObject> Snapshot(string groupKey)
    {
        lock (_gate)
        {
            return _profiles
                .Where(entry => entry.Key.GroupKey == groupKey)
                .ToDictionary(
                    entry => entry.Key.Id,
                    entry => entry.Value.DeepClone().AsObject(),
                    StringComparer.Ordinal);
        }
    }

    public IReadOnlyList<(ProfileKey Key, JsonObject Properties)> SnapshotAll()
    {
        lock (_gate)
        {
            return [.. _profiles.Select(entry => (entry.Key, entry.Value.DeepClone().AsObject()))];
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _profiles.Clear();
        }
    }
}
