using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using MixpanelSync.GrainInterfaces.Integration;

namespace MixpanelSync.Grains.Diagnostics;

/// <summary>
/// The instruments of the <c>MixpanelSync.Grains</c> meter. Event and run counters add a run's counts only after the
/// state write that commits the run's progress or end, so a part that a resumed run reads and sends again counts
/// once. A silo that dies between that write and the count loses the part's counts instead.
/// </summary>
/// <remarks>
/// NOTE: an activation that deactivation stopped waiting for can still finish a commit already under way, and
/// the resumed run on the next activation may then count that part a second time.
/// </remarks>
internal sealed class GrainMetrics
{
    public const string MeterName = "MixpanelSync.Grains";

    private const string ProjectTag = "project";

    private readonly Counter<long> _eventsRead;
    private readonly Counter<long> _eventsSkipped;
    private readonly Counter<long> _eventsSent;
    private readonly Counter<long> _eventsImported;
    private readonly Counter<long> _eventsRejected;
    private readonly Counter<long> _runs;
    private readonly Counter<long> _budgetGranted;
    private readonly Counter<long> _budgetGrantedBytes;
    private readonly Counter<long> _budgetWaits;
    private readonly Counter<long> _throttleReports;
    private readonly ConcurrentDictionary<string, BudgetReading> _budgets = new(StringComparer.Ordinal);

    public GrainMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _eventsRead = meter.CreateCounter<long>(
            "mixpanel_sync.events.read",
            "{event}",
            "Events read from the event store by runs, counted once the run's progress is saved.");
        _eventsSkipped = meter.CreateCounter<long>(
            "mixpanel_sync.events.skipped",
            "{event}",
            "Events not sent on purpose: outside the run's time range or of an excluded type.");
        _eventsSent = meter.CreateCounter<long>(
            "mixpanel_sync.events.sent",
            "{event}",
            "Events sent to Mixpanel, each once however often retried, resent or repeated by a resumed run.");
        _eventsImported = meter.CreateCounter<long>(
            "mixpanel_sync.events.imported", "{event}", "Events Mixpanel reported as imported.");
        _eventsRejected = meter.CreateCounter<long>(
            "mixpanel_sync.events.rejected",
            "{event}",
            "Events rejected by validation or by Mixpanel and stored as dead letters, by reason.");
        _runs = meter.CreateCounter<long>("mixpanel_sync.runs", "{run}", "Finished runs, by trigger and outcome.");
        _budgetGranted = meter.CreateCounter<long>(
            "mixpanel_sync.budget.granted", "{event}", "Events granted by a project's rate budget.");
        _budgetGrantedBytes = meter.CreateCounter<long>(
            "mixpanel_sync.budget.granted_bytes", "By", "Uncompressed bytes granted by a project's rate budget.");
        _budgetWaits = meter.CreateCounter<long>(
            "mixpanel_sync.budget.waits", "{request}", "Budget requests told to wait because the window was full.");
        _throttleReports = meter.CreateCounter<long>(
            "mixpanel_sync.budget.throttle_reports", "{report}", "429 responses reported to a project's budget.");
        meter.CreateObservableGauge(
            "mixpanel_sync.budget.used",
            () => ObserveBudgets(reading => reading.EventsInWindow),
            "{event}",
            "Events granted within a project's current window.");
        meter.CreateObservableGauge(
            "mixpanel_sync.budget.limit",
            () => ObserveBudgets(reading => reading.EventLimit),
            "{event}",
            "A project's event limit per window, after any decrease on 429 responses.");
    }

    public void EventsRead(long count) => _eventsRead.Add(count);

    public void EventsSkipped(long count) => _eventsSkipped.Add(count);

    public void EventsSent(long count) => _eventsSent.Add(count);

    public void EventsImported(long count) => _eventsImported.Add(count);

    public void EventsRejected(string reason, long count) =>
        _eventsRejected.Add(count, new KeyValuePair<string, object?>("reason", reason));

    public void RunFinished(SyncTrigger trigger, SyncOutcome outcome) => _runs.Add(
        1,
        new KeyValuePair<string, object?>("trigger", trigger.ToString()),
        new KeyValuePair<string, object?>("outcome", outcome.ToString()));

    public void BudgetGranted(string projectKey, int events, long bytes)
    {
        var project = new KeyValuePair<string, object?>(ProjectTag, projectKey);
        _budgetGranted.Add(events, project);
        _budgetGrantedBytes.Add(bytes, project);
    }

    public void BudgetWait(string projectKey) =>
        _budgetWaits.Add(1, new KeyValuePair<string, object?>(ProjectTag, projectKey));

    public void ThrottleReported(string projectKey) =>
        _throttleReports.Add(1, new KeyValuePair<string, object?>(ProjectTag, projectKey));

    /// <summary>Records a budget's latest use and limit for the gauges, which read them on collection.</summary>
    public void RecordBudget(string projectKey, long eventsInWindow, long eventLimit) =>
        _budgets[projectKey] = new BudgetReading(eventsInWindow, eventLimit);

    /// <summary>Stops reporting a budget whose grain deactivated.</summary>
    public void ForgetBudget(string projectKey) => _budgets.TryRemove(projectKey, out _);

    private IEnumerable<Measurement<long>> ObserveBudgets(Func<BudgetReading, long> select) =>
        _budgets.Select(pair => new Measurement<long>(
            select(pair.Value),
            new KeyValuePair<string, object?>(ProjectTag, pair.Key)));

    private readonly record struct BudgetReading(long EventsInWindow, long EventLimit);
}
