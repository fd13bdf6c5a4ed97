namespace MixpanelSync.Silo.Demo;

/// <summary>What the demo did for every brand, and whether the emulator contains what the runs reported.</summary>
/// <param name="Brands">One report per demo brand.</param>
/// <param name="SyncElapsed">The time from the first connect to the end of the last run.</param>
internal sealed record DemoReport(IReadOnlyList<BrandReport> Brands, TimeSpan SyncElapsed)
{
    /// <summary>Whether every brand's runs finished without failing and agree with the emulator.</summary>
    public bool AllMatch => Brands.All(brand => brand.Check.Matches && brand.Runs.All(run => run.Succeeded));
}
