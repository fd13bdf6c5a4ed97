using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace MixpanelSync.Mixpanel.Tests;

/// <summary>
/// The delivery library wired through dependency injection, with a fake clock and a fake HTTP handler.
/// </summary>
internal sealed class DeliveryHarness : IDisposable
{
    public const string Token = "0123456789abcdef0123456789abcdef";

    private readonly ServiceProvider _provider;

    public DeliveryHarness(
        Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> respond,
        Action<MixpanelDeliveryOptions>? configureDelivery = null,
        Action<MixpanelBatchOptions>? configureBatches = null,
        TimeProvider? timeProvider = null)
    {
        Time = new FakeTimeProvider(TestEvents.Now);
        var clock = timeProvider ?? Time;
        Handler = new FakeMixpanelHandler(respond, clock);
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        services.AddSingleton(clock);
        services.AddMixpanelDelivery();
        services.Configure<MixpanelDeliveryOptions>(options => configureDelivery?.Invoke(options));
        services.Configure<MixpanelBatchOptions>(options => configureBatches?.Invoke(options));
        services.AddHttpClient(MixpanelIngestionClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() =>
            Handler);
        _provider = services.BuildServiceProvider();
    }

    public FakeTimeProvider Time { get; }

    public FakeMixpanelHandler Handler { get; }

    public ListLoggerProvider Logs { get; } = new();

    public MixpanelIngestionClient Client => _provider.GetRequiredService<MixpanelIngestionClient>();

    public MixpanelDeliveryPipeline Pipeline => _provider.GetRequiredService<MixpanelDeliveryPipeline>();

    public MixpanelEventValidator Validator => _provider.GetRequiredService<MixpanelEventValidator>();

    public static MixpanelTarget Target(MixpanelResidency residency = MixpanelResidency.Us) =>
        MixpanelTarget.ForProjectToken(residency, Token);

    /// <summary>Prepares one batch of the events for the given endpoint.</summary>
    public PreparedBatch Prepare(
        IEnumerable<MixpanelEvent> events,
        MixpanelIngestionEndpoint endpoint = MixpanelIngestionEndpoint.Import)
    {
        using var builder = new BatchBuilder(Validator, new MixpanelBatchOptions(), endpoint, Token);
        foreach (var mixpanelEvent in events)
        {
            Assert.True(builder.Append(mixpanelEvent).Validation.IsAccepted);
        }

        return builder.Flush()!;
    }

    /// <summary>Moves the fake clock forward in small steps until the task completes.</summary>
    public async Task<T> RunAsync<T>(Task<T> task, TimeSpan? step = null, TimeSpan? limit = null)
    {
        var increment = step ?? TimeSpan.FromMilliseconds(100);
        var deadline = Time.GetUtcNow() + (limit ?? TimeSpan.FromHours(2));
        while (!task.IsCompleted)
        {
            await Task.Yield();
            if (task.IsCompleted)
            {
                break;
            }

            Assert.True(Time.GetUtcNow() < deadline, "The task did not complete within the simulated time limit.");
            Time.Advance(increment);
            await Task.Delay(1);
        }

        return await task;
    }

    public T GetService<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    public void Dispose() => _provider.Dispose();
}
