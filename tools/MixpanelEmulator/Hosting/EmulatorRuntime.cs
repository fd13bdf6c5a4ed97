using System.Security.Cryptography.X509Certificates;

namespace MixpanelSync.MixpanelEmulator;

/// <summary>State shared by the endpoints of one emulator instance.</summary>
internal sealed class EmulatorRuntime(
    MixpanelEmulatorOptions options,
    ListenerMap listeners,
    X509Certificate2 certificate,
    ILogger logger)
{
    private readonly CancellationTokenSource _stopping = new();

    public MixpanelEmulatorOptions Options { get; } = options;

    public TimeProvider Time { get; } = options.TimeProvider;

    public ProjectRegistry Projects { get; } =
        new(options.RateLimit, options.TimeProvider, options.RandomSeed);

    public StatsCounters Stats { get; } = new();

    public ListenerMap Listeners { get; } = listeners;

    public ILogger Logger { get; } = logger;

    public X509Certificate2 Certificate { get; } = certificate;

    /// <summary>Cancelled when the emulator stops, which releases requests hung by fault injection.</summary>
    public CancellationToken Stopping => _stopping.Token;

    public void SignalStopping() => _stopping.Cancel();
}
