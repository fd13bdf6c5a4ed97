using Orleans.Dashboard;

namespace MixpanelSync.Silo.Hosting;

/// <summary>Serves the Orleans dashboard from a pipeline that is built on the dashboard's first request.</summary>
/// <remarks>
/// Mapping the dashboard reads all of its embedded assets into arrays and gzips them, 20 MB of arrays in all. On
/// an idle silo that took about 65 MB of resident memory, which a silo that no operator opens never uses.
/// One catch-all endpoint replaces the dashboard's routes in the endpoint list, so it carries the operator key
/// requirement and is listed with the other endpoints. Its handler passes each request to the dashboard's routes.
/// </remarks>
internal static class LazyDashboardExtensions
{
    /// <summary>Maps <paramref name="prefix"/> and every path under it to the Orleans dashboard.</summary>
    public static IEndpointConventionBuilder MapLazyOrleansDashboard(this WebApplication app, string prefix)
    {
        var dashboard = new Lazy<RequestDelegate>(
            () => BuildDashboardPipeline(app.Services, prefix),
            LazyThreadSafetyMode.ExecutionAndPublication);
        return app.Map(prefix + "/{**path}", context =>
        {
            // The dashboard's routing middleware matches only when no endpoint has been chosen yet.
            context.SetEndpoint(null);
            context.Request.RouteValues.Clear();
            return dashboard.Value(context);
        }).ExcludeFromDescription();
    }

    private static RequestDelegate BuildDashboardPipeline(IServiceProvider services, string prefix)
    {
        var pipeline = new ApplicationBuilder(services);
        pipeline.UseRouting();
        pipeline.UseEndpoints(endpoints => endpoints.MapOrleansDashboard(routePrefix: prefix));
        pipeline.Run(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        return pipeline.Build();
    }
}
