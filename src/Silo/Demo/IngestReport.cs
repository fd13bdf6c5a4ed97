using MixpanelSync.Events;

namespace MixpanelSync.Silo.Demo;

/// <summary>The outcome of ingesting one brand's sample events.</summary>
/// <param name="Received">Events handed to the parser.</param>
/// <param name="Accepted">Events stored.</param>
/// <param name="Duplicates">Valid events not stored again because their id was already stored.</param>
/// <param name="Rejected">Events the schema parser rejected.</param>
/// <param name="FirstRejection">The first rejection's field and reason, or <see langword="null"/>.</param>
/// <param name="StoredEvents">The events stored, for the check against the emulator.</param>
/// <param name="Elapsed">The time parsing and storing took.</param>
internal sealed record IngestReport(
    int Received,
    int Accepted,
    int Duplicates,
    int Rejected,
    string? FirstRejection,
    IReadOnlyList<BrandEvent> StoredEvents,
    TimeSpan Elapsed);
