namespace MixpanelSync.Cli.Ingestion;

/// <summary>One record of an ingestion input.</summary>
/// <param name="Number">The 1-based line, array element or converted event number.</param>
/// <param name="Json">The record's JSON text, or blank for a blank NDJSON line.</param>
internal readonly record struct SourceRecord(long Number, string Json);
