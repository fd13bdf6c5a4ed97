using MixpanelSync.Cli;

return await CliApplication.RunAsync(args, CliEnvironment.FromProcess(), handleCtrlC: true);
