using MixpanelSync.Mixpanel;

namespace MixpanelSync.Cli.Push;

/// <summary>The options of one <c>push</c>, before they are checked.</summary>
/// <param name="Path">The file of Mixpanel-shaped events.</param>
/// <param name="Token">The project token, or <see langword="null"/> when none was given.</param>
/// <param name="Residency">The project's data residency.</param>
/// <param name="BaseUrl">An address that replaces Mixpanel's host, or <see langword="null"/>.</param>
/// <param name="Concurrency">The maximum number of requests in flight.</param>
/// <param name="Verbose">Whether the delivery library logs to standard error.</param>
internal sealed record PushSettings(
    string Path,
    string? Token,
    MixpanelResidency Residency,
    string? BaseUrl,
    int Concurrency,
    bool Verbose)
{
    /// <summary>Returns the settings without the token, so that it cannot leak through logs.</summary>
    public override string ToString() => $"PushSettings {{ Path = {Path}, Residency = {Residency} }}";
}
