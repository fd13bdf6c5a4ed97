namespace MixpanelSync.Api.Ingestion;

/// <summary>The log category of the ingestion endpoint, which is static.</summary>
internal sealed class IngestionLogCategory;
