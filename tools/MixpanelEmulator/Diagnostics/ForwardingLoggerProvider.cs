namespace MixpanelSync.MixpanelEmulator;

/// <summary>
/// Hands Kestrel's and ASP.NET Core's loggers to the caller's factory, so the host's own filters apply on top of
/// the caller's. The caller keeps ownership of the factory.
/// </summary>
internal sealed class ForwardingLoggerProvider(ILoggerFactory target) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => target.CreateLogger(categoryName);

    public void Dispose()
    {
    }
}
