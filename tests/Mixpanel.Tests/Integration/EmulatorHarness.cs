using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MixpanelSync.MixpanelEmulator;

namespace MixpanelSync.Mixpanel.Tests.Integration;

/// <summary>
/// The delivery library wired to a local emulator on 127.0.0.1, with millisecond backoffs so that fault
/// scenarios finish quickly. Every check of outcomes stays as strict as with production backoffs.
/// </summary>
internal sealed class EmulatorHarness : IAsyncDisposable
{
    public const string Token = "emulator-token-0000000000000001";
    public const string ProjectId = "31415";
    public const string AccountUser = "sync-bot.mp-service-account";
    public const string AccountSecret = "emulator-secret";

    private readonly ServiceProvider _provider;

    private EmulatorHarness(MixpanelEmulatorHost emulator, ServiceProvider provider)
    {
        Emulator = emulator;
        _provider = provider;
    }

    public MixpanelEmulatorHost Emulator { get; }

    public EmulatorFaults Faults => Emulator.GetFaults(Token);

    public MixpanelDeliveryPipeline Pipeline => _provider.GetRequiredService<MixpanelDeliveryPipeline>();

    public MixpanelIngestionClient Client => _provider.GetRequiredService<MixpanelIngestionClient>();

    public MixpanelEventValidator Validator => _provider.GetRequiredService<MixpanelEventValidator>();

    public ListLoggerProvider Logs { get; } = new();

    public static MixpanelTarget Target { get; } = MixpanelTarget.ForProjectToken(MixpanelResidency.Eu, Token);

    public static async Task<EmulatorHarness> StartAsync(
        Action<MixpanelEmulatorOptions>? configureEmulator = null,
        Action<MixpanelDeliveryOptions>? configureDelivery = null,
        Action<MixpanelBatchOptions>? configureBatches = null)
    {
        var emulatorOptions = new MixpanelEmulatorOptions { RandomSeed = 7 };
        emulatorOptions.Projects.Add(new EmulatorProject(Token)
        {
            Residency = EmulatorResidency.Eu,
            ProjectId = ProjectId,
            ServiceAccount = new EmulatorServiceAccount(AccountUser, AccountSecret),
        });
        configureEmulator?.Invoke(emulatorOptions);
        var emulator = await MixpanelEmulatorHost.StartAsync(emulatorOptions);

        var services = new ServiceCollection();
        var harnessLogs = new ListLoggerProvider();
        services.AddLogging(logging => logging.AddProvider(harnessLogs));
        services.AddMixpanelDelivery();
        services.Configure<MixpanelEndpointOptions>(options =>
        {
            options.UsBaseAddress = emulator.GetBaseAddress(EmulatorResidency.Us);
            options.EuBaseAddress = emulator.GetBaseAddress(EmulatorResidency.Eu);
            options.InBaseAddress = emulator.GetBaseAddress(EmulatorResidency.India);
        });
        services.Configure<MixpanelDeliveryOptions>(options =>
        {
            options.InitialRetryDelay = TimeSpan.FromMilliseconds(10);
            options.MaxRetryDelay = TimeSpan.FromMilliseconds(80);
            options.MinRetryJitter = TimeSpan.FromMilliseconds(1);
            options.MaxRetryJitter = TimeSpan.FromMilliseconds(10);
            options.AttemptTimeout = TimeSpan.FromSeconds(5);
            options.MaxAttempts = 12;
            options.MaxConcurrentRequests = 4;
            configureDelivery?.Invoke(options);
        });
        services.Configure<MixpanelBatchOptions>(options =>
        {
            options.MaxEventsPerBatch = 500;
            configureBatches?.Invoke(options);
        });
        return new EmulatorHarness(emulator, services.BuildServiceProvider());
    }

    /// <summary>A valid event with a unique insert id and a time a day or more in the past.</summary>
    public static MixpanelEvent Event(int index, DateTimeOffset? time = null) => new(
        index % 3 == 0 ? "Video Viewed" : "Like Added",
        [
            new("distinct_id", $"fan-{index % 97}"),
            new("time", time ?? DateTimeOffset.UtcNow.AddDays(-1).AddSeconds(-index)),
            new("$insert_id", InsertIds.Create("brand-it", $"evt-{index}")),
            new("video_id", $"v-{index % 13}"),
            new("watched_seconds", index % 300),
        ],
        index);

    public static async IAsyncEnumerable<MixpanelEvent> Events(
        int count,
        Func<int, MixpanelEvent>? create = null,
        Action<int>? onRead = null)
    {
        for (var i = 0; i < count; i++)
        {
            onRead?.Invoke(i);
            yield return (create ?? (index => Event(index)))(i);
            if (i % 256 == 0)
            {
                await Task.Yield();
            }
        }
    }

    /// <summary>Runs the pipeline and returns the summary with every outcome.</summary>
    public async Task<(DeliverySummary Summary, List<EventOutcome> Outcomes)> PushAsync(
        IAsyncEnumerable<MixpanelEvent> events,
        MixpanelTarget? target = null)
    {
        var outcomes = new List<EventOutcome>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var summary = await Pipeline.RunAsync(
            target ?? Target,
            events,
            (batch, _) =>
            {
                outcomes.AddRange(batch);
                return ValueTask.CompletedTask;
            },
            timeout.Token);
        return (summary, outcomes);
    }

    /// <summary>The insert ids in the emulator's deduplicated view, which must hold each valid event once.</summary>
    public List<string> DeduplicatedInsertIds() => [.. Emulator.GetDeduplicatedEvents(Token).Select(e => e.InsertId)];

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
