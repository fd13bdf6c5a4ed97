using MixpanelSync.GrainInterfaces.Integration;

namespace MixpanelSync.Silo.Demo;

/// <summary>One demo brand's ingestion, connection, backfill preview, runs and check.</summary>
internal sealed record BrandReport(
    DemoDataset Dataset,
    IngestReport Ingest,
    IntegrationStatus Connection,
    BackfillPreview Preview,
    IReadOnlyList<DemoRun> Runs,
    EmulatorCheck Check);
