namespace MixpanelSync.Cli.Api;

/// <summary>The body of <c>POST /api/v1/brands/{brandId}/integration</c>.</summary>
internal sealed record ConnectIntegrationRequest(string ProjectToken, string Residency, ScheduleRequest Schedule)
{
    /// <summary>Returns the request without the token, so that it cannot leak through logs.</summary>
    public override string ToString() => $"ConnectIntegrationRequest {{ Residency = {Residency} }}";
}
