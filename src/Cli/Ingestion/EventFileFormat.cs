namespace MixpanelSync.Cli.Ingestion;

/// <summary>The formats <c>ingest</c> reads.</summary>
internal enum EventFileFormat
{
    /// <summary>Chosen from the file name, and for .jsonl from the first line.</summary>
    Auto,

    /// <summary>Brand events (docs/event-schema.md): a JSON array, or an object with an <c>events</c> array.</summary>
    Json,

    /// <summary>Brand events, one JSON object a line.</summary>
    Ndjson,

    /// <summary>The KuaiRand short-video log (CSV), converted with <c>KuaiRandImporter</c>.</summary>
    KuaiRand,

    /// <summary>OTTO shop sessions (JSON lines), converted with <c>OttoSessionImporter</c>.</summary>
    Otto,

    /// <summary>
    /// A Stack Exchange data dump: a folder with Users.xml, Badges.xml and Votes.xml, or one of those files,
    /// converted with <c>StackExchangeImporter</c>.
    /// </summary>
    StackExchange,
}
