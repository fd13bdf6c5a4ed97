using MixpanelSync.Events;
using MixpanelSync.GrainInterfaces.Integration;
using MixpanelSync.MixpanelEmulator;

namespace MixpanelSync.Silo.Demo;

/// <summary>One demo brand: the sample data it ingests and the emulator project it syncs to.</summary>
/// <param name="BrandId">The brand id used in the API and the grains.</param>
/// <param name="Title">What the brand stands for, for the printed tables.</param>
/// <param name="Sources">The sample files, relative to the samples folder.</param>
/// <param name="Residency">The residency the brand connects with.</param>
/// <param name="Events">The events the importers made of the sample files.</param>
internal sealed record DemoDataset(
    string BrandId,
    string Title,
    IReadOnlyList<string> Sources,
    MixpanelResidency Residency,
    IReadOnlyList<BrandEvent> Events)
{
    /// <summary>A random project token, so that no two demo runs share one. It is printed masked only.</summary>
    public string ProjectToken { get; } = "demo" + Guid.NewGuid().ToString("N");

    /// <summary>The emulator's residency that matches <see cref="Residency"/>.</summary>
    public EmulatorResidency EmulatorResidency => Residency switch
    {
        MixpanelResidency.Eu => EmulatorResidency.Eu,
        MixpanelResidency.India => EmulatorResidency.India,
        _ => EmulatorResidency.Us,
    };

    /// <summary>The start of the day of the earliest event: where the backfill starts.</summary>
    public DateTimeOffset EarliestDay
    {
        get
        {
            var earliest = Events.Min(brandEvent => brandEvent.OccurredAt).ToUniversalTime();
            return new DateTimeOffset(earliest.Date, TimeSpan.Zero);
        }
    }
}
