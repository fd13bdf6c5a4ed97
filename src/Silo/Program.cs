using MixpanelSync.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddSyncHost(args);

var app = builder.Build();
app.MapSyncHost();

await app.RunAsync();
