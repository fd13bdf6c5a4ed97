using MixpanelSync.Api.Authentication;

namespace MixpanelSync.Api.Hosting;

/// <summary>
/// Loads or generates the operator key at start-up, so that its log line comes early and a bad key file stops
/// the start instead of the first request.
/// </summary>
internal sealed class OperatorKeyStartup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<OperatorKey>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
