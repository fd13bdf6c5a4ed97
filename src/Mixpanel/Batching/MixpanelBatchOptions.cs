using System.IO.Compression;

namespace MixpanelSync.Mixpanel;

/// <summary>How events are grouped into request bodies.</summary>
public sealed class MixpanelBatchOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Mixpanel:Batching";

    /// <summary>The most events in one request.</summary>
    /// <value>Default 2000, Mixpanel's limit. Range 1 to 2000.</value>
    public int MaxEventsPerBatch { get; set; } = MixpanelLimits.MaxEventsPerRequest;

    /// <summary>The most uncompressed body bytes in one request.</summary>
    /// <value>
    /// Default 9.5 MiB (9,961,472 bytes), a margin below Mixpanel's 10 MB limit. Range 1,048,576 (one
    /// maximum-size event must fit) to 10,485,760. Older Mixpanel pages state 2 MB; a 413 response splits the batch,
    /// so a lower setting is needed only to avoid the extra round trips.
    /// </value>
    public int MaxBatchBytes { get; set; } = 9_961_472;

    /// <summary>The gzip level of request bodies.</summary>
    /// <value>
    /// Default <see cref="CompressionLevel.Fastest"/>, which keeps preparation several times faster than
    /// <see cref="CompressionLevel.Optimal"/>; Mixpanel's limits count uncompressed bytes, so the level only changes
    /// the bytes on the network.
    /// </value>
    public CompressionLevel CompressionLevel { get; set; } = CompressionLevel.Fastest;
}
