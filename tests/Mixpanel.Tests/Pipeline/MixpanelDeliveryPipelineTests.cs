using System.Net;
using static MixpanelSync.Mixpanel.Tests.TestEvents;

namespace MixpanelSync.Mixpanel.Tests.Pipeline;

public sealed class MixpanelDeliveryPipelineTests
{
    private static async IAsyncEnumerable<MixpanelEvent> Stream(
        int count,
        Func<int, MixpanelEvent>? create = null,
        Action<int>? onRead = null)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            onRead?.Invoke(i);
            yield return (create ?? Typical)(i);
        }
    }

    /// <summary>Records outcomes and fails the test if two calls overlap.</summary>
    private sealed class RecordingSink : IDeliveryOutcomeSink
    {
        private int _active;

        public List<EventOutcome> Outcomes { get; } = [];

        public async ValueTask OnOutcomesAsync(
            IReadOnlyList<EventOutcome> outcomes,
            CancellationToken cancellationToken)
        {
            Assert.Equal(1, Interlocked.Increment(ref _active));
            await Task.Yield();
            Outcomes.AddRange(outcomes);
            Interlocked.Decrement(ref _active);
        }
    }

    [Fact]
    public async Task RunAsync_MixedEvents_ReportsEveryEventExactlyOnce()
    {
        using var harness = new DeliveryHarness(
            (request, _) => Task.FromResult(FakeMixpanelHandler.ImportOk(request.Events().Count)),
            configureBatches: options => options.MaxEventsPerBatch = 100);
        var sink = new RecordingSink();

        var summary = await harness.Pipeline.RunAsync(
            DeliveryHarness.Target(),
            Stream(1000, i => i % 10 == 0 ? Create(name: "", sourceKey: i) : Typical(i)),
            sink);

        Assert.Equal(Enumerable.Range(0, 1000).Select(i => (long)i), sink.Outcomes.Select(o => o.SourceKey).Order());
        Assert.Equal(900, summary.ImportedCount);
        Assert.Equal(100, summary.RejectedCount);
        Assert.Equal(0, summary.FailedCount);
        Assert.Equal(1000, summary.EventsRead);
        Assert.Equal(9, summary.Batches);
        Assert.All(
            sink.Outcomes.Where(o => o.Status == EventOutcomeStatus.Rejected),
            o => Assert.Equal(ValidationCode.EventNameMissing, o.ValidationCode));
    }

    [Fact]
    public async Task RunAsync_ManyBatches_KeepsRequestsInFlightWithinLimit()
    {
        var inFlight = 0;
        var maxInFlight = 0;
        using var harness = new DeliveryHarness(
            async (request, cancellationToken) =>
            {
                var now = Interlocked.Increment(ref inFlight);
                InterlockedMax(ref maxInFlight, now);
                await Task.Delay(15, cancellationToken);
                Interlocked.Decrement(ref inFlight);
                return FakeMixpanelHandler.ImportOk(request.Events().Count);
            },
            options => options.MaxConcurrentRequests = 4,
            options => options.MaxEventsPerBatch = 10,
            TimeProvider.System);

        var summary = await harness.Pipeline.RunAsync(
            DeliveryHarness.Target(),
            Stream(400),
            (_, _) => ValueTask.CompletedTask);

        Assert.Equal(400, summary.ImportedCount);
        Assert.InRange(maxInFlight, 2, 4);
    }

    [Fact]
    public async Task RunAsync_CredentialsRejectedMidStream_StopsReadingAndAccountsForReadEvents()
    {
        var calls = 0;
        var read = 0;
        using var harness = new DeliveryHarness(
            (request, _) => Task.FromResult(Interlocked.Increment(ref calls) < 3
                ? FakeMixpanelHandler.ImportOk(request.Events().Count)
                : FakeMixpanelHandler.Json(
                    HttpStatusCode.Unauthorized,
                    """{"code":401,"error":"Invalid credentials","status":"Unauthorized"}""")),
            options => options.MaxConcurrentRequests = 1,
            options => options.MaxEventsPerBatch = 50);
        var sink = new RecordingSink();

        var summary = await harness.Pipeline.RunAsync(
            DeliveryHarness.Target(),
            Stream(10_000, onRead: _ => Interlocked.Increment(ref read)),
            sink);

        Assert.True(summary.StoppedOnCredentials);
        Assert.True(read < 10_000);
        Assert.Equal(summary.EventsRead, sink.Outcomes.Count);
        Assert.Equal(sink.Outcomes.Count, sink.Outcomes.Select(o => o.SourceKey).Distinct().Count());
        Assert.Equal(100, summary.ImportedCount);
        Assert.All(
            sink.Outcomes.Where(o => o.Status != EventOutcomeStatus.Imported),
            o => Assert.Contains(o.Reason, new[] { OutcomeReason.CredentialsRejected, OutcomeReason.NotSent }));
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task RunAsync_CallbackOverload_ReceivesOutcomes()
    {
        using var harness = new DeliveryHarness(
            (request, _) => Task.FromResult(FakeMixpanelHandler.ImportOk(request.Events().Count)));
        var count = 0;

        await harness.Pipeline.RunAsync(
            DeliveryHarness.Target(),
            Stream(10),
            (outcomes, _) =>
            {
                count += outcomes.Count;
                return ValueTask.CompletedTask;
            });

        Assert.Equal(10, count);
    }

    [Fact]
    public async Task RunAsync_EmptyInput_SendsNothing()
    {
        using var harness = new DeliveryHarness((_, _) => Task.FromResult(FakeMixpanelHandler.ImportOk(0)));

        var summary = await harness.Pipeline.RunAsync(
            DeliveryHarness.Target(),
            Stream(0),
            (_, _) => ValueTask.CompletedTask);

        Assert.Equal(0, summary.Batches);
        Assert.Empty(harness.Handler.Requests);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var previous = Interlocked.CompareExchange(ref target, value, current);
            if (previous == current)
            {
                return;
            }

            current = previous;
        }
    }
}
