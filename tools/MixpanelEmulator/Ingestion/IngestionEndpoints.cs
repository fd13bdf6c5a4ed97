namespace MixpanelSync.MixpanelEmulator;

/// <summary>
/// Routes of Mixpanel's ingestion API. Routing ignores a trailing slash, so /track/ and the other forms that older
/// clients send match too.
/// </summary>
internal static class IngestionEndpoints
{
    public static IEndpointRouteBuilder MapIngestionEndpoints(this IEndpointRouteBuilder routes, EmulatorRuntime runtime)
    {
        var import = new ImportEndpoint(runtime);
        routes.MapPost("/import", import.HandleAsync);
        return routes;
    }
}
