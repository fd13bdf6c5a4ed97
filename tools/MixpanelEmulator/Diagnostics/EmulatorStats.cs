namespace MixpanelSync.MixpanelEmulator;

/// <summary>Snapshot of request and event counters, for the whole emulator or one project.</summary>
/// <param name="RequestsByStatusCode">Ingestion responses sent, by HTTP status code.</param>
/// <param name="RequestBytes">Request body bytes as received, compressed when gzipped, plus GET query bytes.</param>
/// <param name="UncompressedRequestBytes">Request body bytes after gzip decompression.</param>
/// <param name="ResponseBytes">Response body bytes sent.</param>
/// <param name="EventsReceived">Events and profile updates parsed from request bodies.</param>
/// <param name="EventsStored">Events added to the raw log and profile updates applied.</param>
/// <param name="EventsRejected">Events and profile updates that failed validation.</param>
/// <param name="EventsDropped">
/// Events accepted without storing: <c>$ignore</c>, wrong residency, unknown token, or older than five days on /track.
/// </param>
/// <param name="ConnectionsDropped">Requests whose connection was aborted after storing, by fault injection.</param>
/// <param name="RequestsHung">Requests left unanswered by fault injection.</param>
public sealed record EmulatorStats(
    IReadOnlyDictionary<int, long> RequestsByStatusCode,
    long RequestBytes,
    long UncompressedRequestBytes,
    long ResponseBytes,
    long EventsReceived,
    long EventsStored,
    long EventsRejected,
    long EventsDropped,
    long ConnectionsDropped,
    long RequestsHung)
{
    /// <summary>Returns how many ingestion responses had the given status code.</summary>
    public long GetRequestCount(int statusCode) => RequestsByStatusCode.GetValueOrDefault(statusCode);
}
