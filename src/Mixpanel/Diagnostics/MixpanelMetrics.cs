using System.Diagnostics.Metrics;

namespace MixpanelSync.Mixpanel;

/// <summary>
/// The instruments of the <c>MixpanelSync.Mixpanel</c> meter. Event counters count each event once per batch,
/// not per attempt.
/// </summary>
internal sealed class MixpanelMetrics
{
    /// <summary>The name of the meter.</summary>
    public const string MeterName = "MixpanelSync.Mixpanel";

    private readonly Counter<long> _eventsSent;
    private readonly Counter<long> _eventsImported;
    private readonly Counter<long> _eventsRejected;
    private readonly Counter<long> _eventsFailed;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _rateLimited;
    private readonly Counter<long> _bodyBytes;
    private readonly Histogram<double> _requestDuration;

    public MixpanelMetrics(IMeterFactory meterFactory)
        : this(meterFactory.Create(MeterName))
    {
    }

    private MixpanelMetrics(Meter meter)
    {
        _eventsSent = meter.CreateCounter<long>("mixpanel.events.sent", "{event}", "Events included in a request.");
        _eventsImported = meter.CreateCounter<long>("mixpanel.events.imported", "{event}", "Events Mixpanel stored.");
        _eventsRejected = meter.CreateCounter<long>(
            "mixpanel.events.rejected", "{event}", "Events rejected by validation or by Mixpanel, by reason.");
        _eventsFailed = meter.CreateCounter<long>(
            "mixpanel.events.failed", "{event}", "Events not stored for a reason outside the event, by reason.");
        _retries = meter.CreateCounter<long>("mixpanel.requests.retries", "{request}", "Requests retried, by status.");
        _rateLimited = meter.CreateCounter<long>("mixpanel.requests.rate_limited", "{request}", "429 responses.");
        _bodyBytes = meter.CreateCounter<long>(
            "mixpanel.request.body.bytes", "By", "Request body bytes sent, by encoding (gzip or uncompressed).");
        _requestDuration = meter.CreateHistogram<double>(
            "mixpanel.request.duration", "s", "Duration of one HTTP request to Mixpanel, by endpoint and status.");
    }

    /// <summary>Creates instruments on a meter that is not owned by a dependency injection container.</summary>
    public static MixpanelMetrics CreateStandalone() => new(new Meter(MeterName));

    public void EventsSent(int count) => _eventsSent.Add(count);

    public void EventOutcome(in EventOutcome outcome)
    {
        switch (outcome.Status)
        {
            case EventOutcomeStatus.Imported:
                _eventsImported.Add(1);
                break;
            case EventOutcomeStatus.Rejected:
                _eventsRejected.Add(1, new KeyValuePair<string, object?>("reason", ReasonTag(outcome)));
                break;
            default:
                _eventsFailed.Add(1, new KeyValuePair<string, object?>("reason", outcome.Reason.ToString()));
                break;
        }
    }

    public void Retry(string status) => _retries.Add(1, new KeyValuePair<string, object?>("status", status));

    public void RateLimited() => _rateLimited.Add(1);

    public void BodyBytes(long gzipped, long uncompressed)
    {
        _bodyBytes.Add(gzipped, new KeyValuePair<string, object?>("encoding", "gzip"));
        _bodyBytes.Add(uncompressed, new KeyValuePair<string, object?>("encoding", "uncompressed"));
    }

    public void RequestDuration(TimeSpan elapsed, string endpoint, string status) =>
        _requestDuration.Record(
            elapsed.TotalSeconds,
            new KeyValuePair<string, object?>("endpoint", endpoint),
            new KeyValuePair<string, object?>("status", status));

    private static string ReasonTag(in EventOutcome outcome) =>
        outcome.ValidationCode?.ToString() ?? outcome.Reason.ToString();
}
