using System.Collections.Concurrent;
using Orleans.Serialization;
using Orleans.Storage;

namespace MixpanelSync.Grains.Tests.Support;

/// <summary>
/// Grain storage in one dictionary that every in-process silo shares, so that state outlives a killed silo,
/// unlike Orleans' memory storage, which keeps state in grains. Writes check the ETag as real storage does.
/// </summary>
internal sealed class ProcessGrainStorage(ConcurrentDictionary<string, StoredState> states, DeepCopier copier)
    : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (states.TryGetValue(KeyOf(stateName, grainId), out var stored))
        {
            grainState.State = copier.Copy((T)stored.State);
            grainState.ETag = stored.ETag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = KeyOf(stateName, grainId);
        var written = new StoredState(copier.Copy(grainState.State)!, Guid.NewGuid().ToString("N"));
        var current = states.GetValueOrDefault(key);
        if (current?.ETag != grainState.ETag)
        {
            throw new InconsistentStateException(
                $"The ETag of {key} is {current?.ETag}, not {grainState.ETag}.",
                current?.ETag,
                grainState.ETag);
        }

        var replaced = current is null ? states.TryAdd(key, written) : states.TryUpdate(key, written, current);
        if (!replaced)
        {
            throw new InconsistentStateException($"{key} was written concurrently.", null, grainState.ETag);
        }

        grainState.ETag = written.ETag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        states.TryRemove(KeyOf(stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private static string KeyOf(string stateName, GrainId grainId) => $"{stateName}/{grainId}";
}

/// <summary>A copy of a grain's state and the ETag of the write that stored it.</summary>
internal sealed record StoredState(object State, string ETag);
