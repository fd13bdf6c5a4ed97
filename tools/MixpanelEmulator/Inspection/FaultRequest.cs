namespace MixpanelSync.MixpanelEmulator;

/// <summary>Body of POST /_emulator/projects/{token}/faults; members left out keep their current setting.</summary>
/// <param name="FailNext">Number of next requests to fail with <paramref name="StatusCode"/>.</param>
/// <param name="FailureRate">Probability from 0 to 1 of failing any request with <paramref name="StatusCode"/>.</param>
/// <param name="StatusCode">Status for FailNext and FailureRate; 503 when left out.</param>
/// <param name="LatencyMilliseconds">Delay added to every request.</param>
/// <param name="HangNext">Number of next requests to leave unanswered.</param>
/// <param name="DropNext">Number of next requests whose connection is aborted after storing.</param>
/// <param name="RevokeToken">Whether /import rejects the project's credentials from now on.</param>
internal sealed record FaultRequest(
    int? FailNext = null,
    double? FailureRate = null,
    int? StatusCode = null,
    int? LatencyMilliseconds = null,
    int? HangNext = null,
    int? DropNext = null,
    bool? RevokeToken = null)
{
    public void ApplyTo(EmulatorFaults faults)
    {
        var statusCode = StatusCode ?? 503;
        if (FailNext is { } count)
        {
            faults.FailNext(count, statusCode);
        }

        if (FailureRate is { } rate)
        {
            faults.SetFailureRate(rate, statusCode);
        }

        if (LatencyMilliseconds is { } latency)
        {
            faults.SetLatency(TimeSpan.FromMilliseconds(latency));
        }

        if (HangNext is { } hangs)
        {
            faults.HangNext(hangs);
        }

        if (DropNext is { } drops)
        {
            faults.DropConnectionAfterStoreNext(drops);
        }

        if (RevokeToken == true)
        {
            faults.RevokeToken();
        }
    }
}
