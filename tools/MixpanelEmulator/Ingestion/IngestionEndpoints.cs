namespace MixpanelSync.MixpanelEmulator;

/// <summary>
/// Routes of Mixpanel's ingestion API. Routing ignores a trailing slash, so /track/ and the other forms that older
/// clients send match too.
/// </summary>
internal static class IngestionEndpoints
{
    public static IEndpointRouteBuilder MapIngestionEndpoints(
        this IEndpointRouteBuilder routes,
        EmulatorRuntime runtime)
    {
        var import = new ImportEndpoint(runtime);
        routes.MapPost("/import", import.HandleAsync);
        var track = new TrackEndpoint(runtime);
        routes.MapMethods("/track", [HttpMethods.Get, HttpMethods.Post], track.HandleAsync);
        var engage = new ProfileEndpoint(runtime, ProfileKind.User);
        routes.MapMethods("/engage", [HttpMethods.Get, HttpMethods.Post], engage.HandleAsync);
        var groups = new ProfileEndpoint(runtime, ProfileKind.Group);
        routes.MapMethods("/groups", [HttpMethods.Get, HttpMethods.Post], groups.HandleAsync);
        return routes;
    }
}
