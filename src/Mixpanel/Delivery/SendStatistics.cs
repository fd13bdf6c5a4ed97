namespace MixpanelSync.Mixpanel;

/// <summary>Counters shared by the attempts and split halves of one batch.</summary>
internal sealed class SendStatistics
{
    private int _requests;
    private int _rateLimited;

    public int Requests => _requests;

    public int RateLimitedResponses => _rateLimited;

    public int? LastStatusCode { get; set; }

    public string? Error { get; set; }

    public bool CredentialsRejected { get; set; }

    public void CountRequest() => Interlocked.Increment(ref _requests);

    public void CountRateLimited() => Interlocked.Increment(ref _rateLimited);
}
