using MixpanelSync.MixpanelEmulator;

CommandLineSettings settings;
try
{
    settings = CommandLine.Parse(args);
}
catch (FormatException exception)
{
    await Console.Error.WriteLineAsync(exception.Message);
    return 2;
}

if (settings.ShowHelp)
{
    Console.WriteLine(CommandLine.Help);
    return 0;
}

return await StandaloneHost.RunAsync(settings);
