using System.Text.Json.Nodes;

namespace MixpanelSync.MixpanelEmulator;

public sealed partial class MixpanelEmulatorHost
{
    /// <summary>Projects the emulator accepts data for.</summary>
    public IReadOnlyList<EmulatorProject> Projects => [.. _runtime.Projects.All.Select(state => state.Project)];

    /// <summary>Adds a project while the emulator runs.</summary>
    /// <exception cref="InvalidOperationException">The token, project id or secret is already in use.</exception>
    public EmulatorProject AddProject(EmulatorProject project)
    {
        var state = _runtime.Projects.Add(project);
        Log.ProjectAdded(_runtime.Logger, TokenMask.Mask(project.Token), project.Residency);
        return state.Project;
    }

    /// <summary>Returns the raw log of a project's stored events, duplicates included, in ingestion order.</summary>
    /// <exception cref="KeyNotFoundException">No project has the token.</exception>
    public IReadOnlyList<StoredEvent> GetEvents(string token) => _runtime.Projects.GetByToken(token).Events.GetRaw();

    /// <summary>
    /// Returns the query view of a project's events: the latest-ingested copy per (event, distinct_id, time,
    /// $insert_id), ordered by when that copy was ingested.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No project has the token.</exception>
    public IReadOnlyList<StoredEvent> GetDeduplicatedEvents(string token) =>
        _runtime.Projects.GetByToken(token).Events.GetDeduplicated();

    /// <summary>
    /// Counts a project's stored, unique, duplicate and rejected events and its requests without copying the events;
    /// with <paramref name="groupBy"/>, also per value of that property.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No project has the token.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="groupBy"/> is empty or longer than 255 characters, or the property has more than
    /// <see cref="EventSummary.MaxGroups"/> values.
    /// </exception>
    public EventSummary GetEventSummary(string token, string? groupBy = null)
    {
        var project = _runtime.Projects.GetByToken(token);
        return EventSummary.TryCreate(project, groupBy, out var error)
            ?? throw new ArgumentException(error, nameof(groupBy));
    }

    /// <summary>Returns copies of a project's user profiles by distinct_id.</summary>
    public IReadOnlyDictionary<string, JsonObject> GetProfiles(string token) =>
        _runtime.Projects.GetByToken(token).UserProfiles.Snapshot(string.Empty);

    /// <summary>Returns copies of a project's group profiles of one group key, by group id.</summary>
    public IReadOnlyDictionary<string, JsonObject> GetGroupProfiles(string token, string groupKey) =>
        _runtime.Projects.GetByToken(token).GroupProfiles.Snapshot(groupKey);

    /// <summary>Returns the fault-injection switches of a project.</summary>
    public EmulatorFaults GetFaults(string token) => _runtime.Projects.GetByToken(token).Faults;

    /// <summary>Returns counters of the whole emulator.</summary>
    public EmulatorStats GetStats() => _runtime.Stats.Snapshot();

    /// <summary>Returns counters of one project.</summary>
    public EmulatorStats GetStats(string token) => _runtime.Projects.GetByToken(token).Stats.Snapshot();

    /// <summary>Removes a project's stored events and profiles; counters, faults and the rate window stay.</summary>
    public void ClearData(string token)
    {
        var project = _runtime.Projects.GetByToken(token);
        project.Events.Clear();
        project.UserProfiles.Clear();
        project.GroupProfiles.Clear();
    }
}
