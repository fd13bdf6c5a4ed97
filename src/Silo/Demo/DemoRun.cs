using MixpanelSync.GrainInterfaces.Integration;

namespace MixpanelSync.Silo.Demo;

/// <summary>A finished run and the /import requests the emulator received for the brand during it.</summary>
internal sealed record DemoRun(RunSummary Summary, long Requests)
{
    public bool Succeeded => Summary.Outcome is SyncOutcome.Succeeded or SyncOutcome.CompletedWithRejections;
}
