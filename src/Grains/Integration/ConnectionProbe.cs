using MixpanelSync.GrainInterfaces.Budget;
using MixpanelSync.GrainInterfaces.Integration;
using MixpanelSync.Grains.Delivery;
using CredentialCheckResult = MixpanelSync.Mixpanel.CredentialCheckResult;
using CredentialCheckStatus = MixpanelSync.Mixpanel.CredentialCheckStatus;
using MixpanelIngestionClient = MixpanelSync.Mixpanel.MixpanelIngestionClient;

namespace MixpanelSync.Grains.Integration;

/// <summary>
/// Checks credentials with <see cref="MixpanelIngestionClient.CheckCredentialsAsync"/>, which sends one event
/// that Mixpanel rejects for its 1970 time: a valid token gets 400 with nothing stored, a wrong one gets 401.
/// </summary>
/// <remarks>
/// Mixpanel counts the rejected event against the project's rate limit, so the check takes it from the project's
/// <see cref="IRateBudgetGrain"/> like any batch.
/// </remarks>
internal static class ConnectionProbe
{
    // The check request's body is one line of about 170 bytes.
    private const long CheckBytes = 256;

    public static async Task<(ConnectFailure Failure, string Message)> CheckAsync(
        MixpanelIngestionClient client,
        IRateBudgetGrain budget,
        TimeProvider time,
        CredentialCheck check)
    {
        var target = DeliveryTargets.Create(check.Residency, check.Token, check.ServiceAccount);
        using var deadline = new CancellationTokenSource(check.Timeout, time);
        BudgetGrant? grant = null;
        CredentialCheckResult result;
        try
        {
            grant = await AcquireAsync(budget, time, deadline.Token);
            result = await client.CheckCredentialsAsync(target, deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return (ConnectFailure.Unreachable,
                $"Mixpanel did not answer the credential check for residency {check.Residency} within "
                + $"{check.Timeout.TotalSeconds:0.#} seconds; nothing was saved. Try again later.");
        }
        finally
        {
            if (grant is not null)
            {
                await budget.ReleaseAsync(grant.GrantId);
            }
        }

        return Classify(result, check.Residency);
    }

    private static async Task<BudgetGrant> AcquireAsync(
        IRateBudgetGrain budget,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        while (true)
        {
            var grant = await budget.AcquireAsync(CheckBytes, events: 1);
            if (grant.Granted)
            {
                return grant;
            }

            await Task.Delay(grant.RetryAfter, time, cancellationToken);
        }
    }

    private static (ConnectFailure Failure, string Message) Classify(
        CredentialCheckResult result,
        MixpanelResidency residency)
    {
        return result switch
        {
            { Status: CredentialCheckStatus.Accepted } => (ConnectFailure.None, "The credentials are valid."),
            { Status: CredentialCheckStatus.Rejected } => (ConnectFailure.InvalidCredentials,
                $"Mixpanel rejected the credentials ({result.StatusCode}). Check the project token or service "
                + $"account, and that the project's residency is {residency}; nothing was saved."),
            { Status: CredentialCheckStatus.Unreachable } => (ConnectFailure.Unreachable,
                $"Mixpanel could not be reached for residency {residency}; nothing was saved. {result.Message}"),
            { StatusCode: 408 or 429 or >= 500 } => (ConnectFailure.Unreachable,
                $"Mixpanel returned {result.StatusCode} to every attempt of the credential check for residency "
                + $"{residency}; nothing was saved. Try again later."),
            _ => (ConnectFailure.UnexpectedResponse,
                $"Mixpanel returned an unexpected response ({result.StatusCode}) to the credential check; "
                + "nothing was saved."),
        };
    }
}

/// <summary>The credentials to check and how long the check may take, budget wait included.</summary>
internal sealed record CredentialCheck(
    MixpanelResidency Residency,
    string Token,
    ServiceAccountCredentials? ServiceAccount,
    TimeSpan Timeout)
{
    /// <summary>Returns the residency only, so that the credentials cannot leak through logs.</summary>
    public override string ToString() => $"CredentialCheck {{ Residency = {Residency} }}";
}
