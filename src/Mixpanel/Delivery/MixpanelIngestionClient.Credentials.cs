using System.IO.Compression;
using System.Net;
using System.Text;

namespace MixpanelSync.Mixpanel;

public sealed partial class MixpanelIngestionClient
{
    // An event dated 1970 fails Mixpanel's time check, so it is never stored. Mixpanel documents 401 for bad
    // credentials, so a 400 that reports this event is taken to mean the request passed authentication.
    private static readonly byte[] CheckEventLine = Encoding.UTF8.GetBytes(
        "{\"event\":\"MixpanelSync credential check\",\"properties\":{\"time\":0,\"distinct_id\":\"\","
        + "\"$insert_id\":\"mixpanelsync-credential-check\",\"ip\":0}}\n");

    /// <summary>
    /// Checks that Mixpanel accepts the target's credentials on <c>/import</c> by sending one event that Mixpanel
    /// rejects for its 1970 time, so nothing is stored in the project. Use it when a brand saves its settings,
    /// instead of trusting a bare success response.
    /// </summary>
    /// <param name="target">The project's residency and credentials.</param>
    /// <param name="cancellationToken">Cancels waiting and sending.</param>
    /// <returns>Accepted, rejected, unreachable or inconclusive, with the status code and advice.</returns>
    /// <remarks>
    /// NOTE: Mixpanel does not document whether a request to another residency's host fails with 401 or 403 or is
    /// accepted and dropped, so an accepted check does not prove the residency is right.
    /// </remarks>
    public async Task<CredentialCheckResult> CheckCredentialsAsync(
        MixpanelTarget target,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var request = new SendRequest(target, target.DescribeCredentials(), new SendStatistics());
        var body = Gzip.Compress(CheckEventLine, CompressionLevel.Fastest);
        var attempt = new Attempt("/import", body, CheckEventLine.Length, target);
        var exchange = await ExecuteAsync(request, attempt, eventCount: 1, cancellationToken);
        var host = _endpoints.GetBaseAddress(target.Residency).Host;
        return exchange switch
        {
            { Exception: { } exception } => new CredentialCheckResult(
                CredentialCheckStatus.Unreachable,
                null,
                $"No response from {host}: {exception.Message}. Check the network and try again."),
            { StatusCode: HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden } => new CredentialCheckResult(
                CredentialCheckStatus.Rejected,
                (int)exchange.StatusCode,
                $"Mixpanel rejected the credentials ({request.Description}). Check the project token or service "
                + $"account and that the project's data residency matches the host {host}."),
            { StatusCode: HttpStatusCode.BadRequest or HttpStatusCode.OK } => new CredentialCheckResult(
                CredentialCheckStatus.Accepted,
                (int)exchange.StatusCode,
                $"Mixpanel accepted the credentials ({request.Description}) on {host}."),
            _ => new CredentialCheckResult(
                CredentialCheckStatus.Inconclusive,
                (int?)exchange.StatusCode,
                $"Mixpanel responded {(int?)exchange.StatusCode} from {host}, which neither confirms nor rejects the "
                + "credentials. Try again later."),
        };
    }
}
