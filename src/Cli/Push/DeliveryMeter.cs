using System.Diagnostics.Metrics;
using MixpanelSync.Mixpanel;

namespace MixpanelSync.Cli.Push;

/// <summary>
/// Reads the retries and request body bytes that the delivery library counts on its meter, for the push summary.
/// Listens only to the meters of one <see cref="IMeterFactory"/>, so that another pipeline in the process is not
/// counted.
/// </summary>
internal sealed class DeliveryMeter : IDisposable
{
    private const string Retries = "mixpanel.requests.retries";
    private const string RateLimited = "mixpanel.requests.rate_limited";
    private const string BodyBytes = "mixpanel.request.body.bytes";

    private readonly MeterListener _listener = new();
    private long _retries;
    private long _rateLimited;
    private long _gzipBytes;
    private long _uncompressedBytes;

    public DeliveryMeter(IMeterFactory meterFactory)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MixpanelDiagnostics.MeterName
                && ReferenceEquals(instrument.Meter.Scope, meterFactory)
                && instrument.Name is Retries or RateLimited or BodyBytes)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>(OnMeasurement);
        _listener.Start();
    }

    /// <summary>Requests sent again after a 429, a 5xx, a timeout or a connection error.</summary>
    public long RetryCount => Interlocked.Read(ref _retries);

    /// <summary>429 responses received.</summary>
    public long RateLimitedCount => Interlocked.Read(ref _rateLimited);

    /// <summary>Gzipped request body bytes sent, retries included.</summary>
    public long GzipBytes => Interlocked.Read(ref _gzipBytes);

    /// <summary>Request body bytes before gzip, retries included.</summary>
    public long UncompressedBytes => Interlocked.Read(ref _uncompressedBytes);

    public void Dispose() => _listener.Dispose();

    private void OnMeasurement(
        Instrument instrument,
        long measurement,
        ReadOnlySpan<KeyValuePair<string, object?>> tags,
        object? state)
    {
        switch (instrument.Name)
        {
            case Retries:
                Interlocked.Add(ref _retries, measurement);
                break;
            case RateLimited:
                Interlocked.Add(ref _rateLimited, measurement);
                break;
            default:
                var gzip = false;
                foreach (var tag in tags)
                {
                    gzip |= tag is { Key: "encoding", Value: "gzip" };
                }

                Interlocked.Add(ref gzip ? ref _gzipBytes : ref _uncompressedBytes, measurement);
                break;
        }
    }
}
