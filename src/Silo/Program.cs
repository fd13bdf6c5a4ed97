using Microsoft.Extensions.Options;
using MixpanelSync.Silo.Demo;
using MixpanelSync.Silo.Hosting;

MallocArenas.Limit();

if (args.FirstOrDefault() == DemoCommand.Name)
{
    return await DemoCommand.RunAsync(args[1..]);
}

var builder = WebApplication.CreateBuilder(args);
try
{
    builder.AddSyncHost(args);
}
catch (OptionsValidationException exception)
{
    await Console.Error.WriteLineAsync("The service cannot start because of its settings:");
    foreach (var failure in exception.Failures)
    {
        await Console.Error.WriteLineAsync($"  {failure}");
    }

    return 2;
}

var app = builder.Build();
app.MapSyncHost();

await app.RunAsync();
return 0;
