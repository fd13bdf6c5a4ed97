namespace MixpanelSync.MixpanelEmulator;

/// <summary>
/// Counts of a project's events and ingestion requests, without the events themselves. Event counts cover the time
/// since the project was added or its data was last cleared; request counts are never cleared.
/// </summary>
/// <param name="EventsStored">Events accepted and stored in the raw log, duplicates included.</param>
/// <param name="UniqueEvents">
/// Events in the deduplicated query view: distinct (event, distinct_id, time, $insert_id) keys.
/// </param>
/// <param name="EventsRejected">Events that failed validation.</param>
/// <param name="EventsDropped">
/// Events accepted without storing: <c>$ignore</c>, or older than five days on /track. Events sent to the wrong
/// residency are counted only in the project's stats.
/// </param>
/// <param name="Requests">Ingestion responses sent for the project, of any status.</param>
/// <param name="RequestsRateLimited">Ingestion responses with status 429.</param>
/// <param name="GroupBy">The property that <paramref name="Groups"/> splits the events by, if any.</param>
/// <param name="Groups">Stored and unique events per value of <paramref name="GroupBy"/>.</param>
public sealed record EventSummary(
    long EventsStored,
    long UniqueEvents,
    long EventsRejected,
    long EventsDropped,
    long Requests,
    long RequestsRateLimited,
    string? GroupBy,
    IReadOnlyList<PropertyGroupCounts>? Groups)
{
    /// <summary>The maximum number of distinct values that <see cref="GroupBy"/> may have.</summary>
    public const int MaxGroups = 10_000;

    /// <summary>The maximum length of the property name in <see cref="GroupBy"/>, Mixpanel's limit for names.</summary>
    public const int MaxPropertyNameLength = 255;

    /// <summary>Stored copies beyond the first of a deduplication key: <c>EventsStored - UniqueEvents</c>.</summary>
    public long DuplicateEvents => EventsStored - UniqueEvents;

    /// <summary>
    /// Counts one project's events, split by the property <paramref name="groupBy"/> when it is set. Returns
    /// <see langword="null"/> and an error message when <paramref name="groupBy"/> is empty or too long, or the
    /// property has more than <see cref="MaxGroups"/> values.
    /// </summary>
    internal static EventSummary? TryCreate(ProjectState project, string? groupBy, out string? error)
    {
        error = null;
        EventCounts counts;
        IReadOnlyList<PropertyGroupCounts>? groups = null;
        if (groupBy is null)
        {
            counts = project.Events.GetCounts();
        }
        else if (groupBy.Length is 0 or > MaxPropertyNameLength)
        {
            error = $"groupBy must be a property name of 1 to {MaxPropertyNameLength} characters, " +
                $"but it has {groupBy.Length}.";
            return null;
        }
        else
        {
            (counts, groups) = project.Events.GetCountsBy(groupBy, MaxGroups);
            if (groups is null)
            {
                error = $"The property '{groupBy}' has more than {MaxGroups:N0} distinct values in the stored " +
                    "events. Group by a property with fewer values.";
                return null;
            }
        }

        var stats = project.Stats.Snapshot();
        return new EventSummary(
            counts.Stored,
            counts.Unique,
            counts.Rejected,
            counts.Dropped,
            stats.RequestsByStatusCode.Values.Sum(),
            stats.GetRequestCount(429),
            groupBy,
            groups);
    }
}
