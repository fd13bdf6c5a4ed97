using System.Text;
using MixpanelSync.GrainInterfaces.Integration;
using MixpanelSync.Grains.Delivery;

namespace MixpanelSync.Grains.Integration;

/// <summary>
/// Checks credentials with a strict /import request that holds one event with <c>time</c> 0. Mixpanel
/// rejects times before 1971, so a valid token gets 400 with nothing imported and a wrong one gets 401.
/// </summary>
internal static class ConnectionProbe
{
    private static readonly byte[] Body = BatchEncoder.Gzip(Encoding.UTF8.GetBytes(
        """{"event":"mixpanel-sync connection check","properties":{"time":"""
        + """0,"distinct_id":"connection-check","$insert_id":"connection-check"}}"""
        + "\n"));

    public static async Task<(ConnectFailure Failure, string Message)> CheckAsync(
        IImportClient client,
        ImportCredentials credentials)
    {
        var attempt = await client.SendAsync(credentials, Body, CancellationToken.None);
        return attempt.Status switch
        {
            ImportStatus.PartiallyRejected when attempt.Imported == 0 => (ConnectFailure.None,
                "The credentials are valid."),
            ImportStatus.Unauthorized => (ConnectFailure.InvalidCredentials,
                "Mixpanel rejected the credentials (401). Check the project token, and that the project's "
                + $"residency is {credentials.Residency}."),
            ImportStatus.Transient or ImportStatus.Throttled => (ConnectFailure.Unreachable,
                $"Mixpanel could not be reached for residency {credentials.Residency}: {attempt.Error} "
                + "Try again later."),
            _ => (ConnectFailure.UnexpectedResponse,
                $"Mixpanel returned an unexpected response ({attempt.StatusCode}) to the credential check; "
                + "nothing was saved."),
        };
    }
}
