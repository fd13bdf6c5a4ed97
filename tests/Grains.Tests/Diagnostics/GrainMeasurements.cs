using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using MixpanelSync.Grains.Diagnostics;
using MixpanelSync.Grains.Tests.Support;

namespace MixpanelSync.Grains.Tests.Diagnostics;

/// <summary>
/// Records the measurements of the <c>MixpanelSync.Grains</c> meters of one fixture's silos. The meter factory that
/// created each meter distinguishes them from the meters of other clusters in the test process.
/// </summary>
internal sealed class GrainMeasurements : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();

    public GrainMeasurements(SyncClusterFixture fixture)
    {
        var factories = fixture.Cluster.Silos
            .Select(silo => (object)silo.ServiceProvider.GetRequiredService<IMeterFactory>())
            .ToHashSet();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == GrainDiagnostics.MeterName && factories.Contains(instrument.Meter.Scope!))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            _measurements.Enqueue(new Measurement(instrument.Name, value, tags.ToArray())));
        _listener.Start();
    }

    /// <summary>Adds up the measurements of an instrument that carry every given tag.</summary>
    public long Sum(string instrument, params (string Key, string Value)[] tags) => _measurements
        .Where(measurement => measurement.Instrument == instrument)
        .Where(measurement => tags.All(tag => measurement.Tags.Any(pair =>
            pair.Key == tag.Key && Equals(pair.Value, tag.Value))))
        .Sum(measurement => measurement.Value);

    /// <summary>
    /// Waits up to 10 seconds until the sum of <see cref="Sum"/> reaches <paramref name="expected"/>, because a run
    /// counts itself after the state write that follows the status change, and returns the sum.
    /// </summary>
    public async Task<long> WaitForSumAsync(
        string instrument,
        long expected,
        params (string Key, string Value)[] tags)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Sum(instrument, tags) < expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        return Sum(instrument, tags);
    }

    /// <summary>Collects the observable gauges now and returns the last value of one for the given tag.</summary>
    public long? Observe(string instrument, string key, string value)
    {
        _listener.RecordObservableInstruments();
        return _measurements
            .Where(measurement => measurement.Instrument == instrument)
            .LastOrDefault(measurement => measurement.Tags.Any(pair => pair.Key == key && Equals(pair.Value, value)))
            ?.Value;
    }

    public void Dispose() => _listener.Dispose();

    private sealed record Measurement(string Instrument, long Value, KeyValuePair<string, object?>[] Tags);
}
