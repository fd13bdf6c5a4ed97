using System.Diagnostics.Metrics;
using static MixpanelSync.Mixpanel.Tests.FakeMixpanelHandler;

namespace MixpanelSync.Mixpanel.Tests.Delivery;

public sealed class MixpanelMetricsTests
{
    [Fact]
    public async Task SendAsync_RetriedPartialBatch_RecordsCounters()
    {
        var calls = 0;
        using var harness = new DeliveryHarness((request, _) => Task.FromResult(Interlocked.Increment(ref calls) == 1
            ? RateLimited()
            : Json(
                System.Net.HttpStatusCode.BadRequest,
                """{"failed_records":[{"index":0,"field":"event","message":"bad"}]}""")));
        var meterFactory = harness.GetService<IMeterFactory>();
        var measurements = new List<(string Name, long Value, string? Tag)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, meterListener) =>
        {
            // Tests run in parallel, so only this harness's meter is observed.
            if (
                instrument.Meter.Name == MixpanelDiagnostics.MeterName && ReferenceEquals(
                    instrument.Meter.Scope,
                    meterFactory))
            {
                meterListener.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var tag = tags.Length > 0 ? tags[0].Value?.ToString() : null;
            lock (measurements)
            {
                measurements.Add((instrument.Name, value, tag));
            }
        });
        listener.Start();
        var batch = harness.Prepare(Enumerable.Range(0, 3).Select(TestEvents.Typical));

        await harness.RunAsync(harness.Client.SendAsync(DeliveryHarness.Target(), batch));

        long Sum(string name, string? tag = null) =>
            measurements.Where(m => m.Name == name && (tag is null || m.Tag == tag)).Sum(m => m.Value);
        Assert.Equal(3, Sum("mixpanel.events.sent"));
        Assert.Equal(2, Sum("mixpanel.events.imported"));
        Assert.Equal(1, Sum("mixpanel.events.rejected", "RejectedByMixpanel"));
        Assert.Equal(1, Sum("mixpanel.requests.retries", "429"));
        Assert.Equal(1, Sum("mixpanel.requests.rate_limited"));
        Assert.Equal(batch.GzippedBody.Length * 2, Sum("mixpanel.request.body.bytes", "gzip"));
    }
}
