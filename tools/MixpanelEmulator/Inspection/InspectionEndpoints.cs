namespace MixpanelSync.MixpanelEmulator;

/// <summary>The /_emulator inspection API.</summary>
internal static class InspectionEndpoints
{
    public static IEndpointRouteBuilder MapInspectionEndpoints(this IEndpointRouteBuilder routes, EmulatorRuntime runtime)
    {
        _ = runtime;
        return routes;
    }
}
