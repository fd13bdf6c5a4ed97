namespace MixpanelSync.MixpanelEmulator;

internal enum RequestBodyStatus
{
    /// <summary>The whole body was read and decompressed.</summary>
    Read,

    /// <summary>The uncompressed body exceeds the request size cap.</summary>
    TooLarge,

    /// <summary>The body claims gzip encoding but is not valid gzip data.</summary>
    InvalidGzip,

    /// <summary>The Content-Encoding is neither identity nor gzip.</summary>
    UnsupportedEncoding,
}
