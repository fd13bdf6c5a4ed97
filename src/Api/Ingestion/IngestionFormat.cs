namespace MixpanelSync.Api.Ingestion;

/// <summary>How an ingestion body lists its events.</summary>
internal enum IngestionFormat
{
    /// <summary>A JSON array of events, or an object whose <c>events</c> property is that array.</summary>
    JsonArray,

    /// <summary>Newline-delimited JSON: one event object a line.</summary>
    Ndjson,
}
