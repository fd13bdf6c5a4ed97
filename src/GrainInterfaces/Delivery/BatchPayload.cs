namespace MixpanelSync.GrainInterfaces.Delivery;

/// <summary>One /import request body, ready to send and to resend byte for byte.</summary>
/// <param name="BrandId">The brand the events belong to, for logs.</param>
/// <param name="RunId">The run that cut the batch, for logs.</param>
/// <param name="GzippedBody">The gzip-compressed NDJSON body.</param>
/// <param name="UncompressedBytes">The body's size before compression; Mixpanel's limits count these.</param>
/// <param name="SourceKeys">The event store sequence number of each line, in line order.</param>
/// <param name="InsertIds">The <c>$insert_id</c> written on each line, in line order.</param>
/// <param name="LineBytes">
/// The uncompressed length of each line, line feed included, in line order; they add up to
/// <paramref name="UncompressedBytes"/> and let a 413 response split the body at a line boundary.
/// </param>
/// <remarks>
/// Marked immutable because no code changes a payload's arrays once it is built. A call to a grain in the same
/// silo then passes it by reference, where Orleans would otherwise deep-copy the body and arrays of every batch.
/// </remarks>
[GenerateSerializer]
[Immutable]
[Alias("mixpanel-sync.batch-payload")]
public sealed record BatchPayload(
    [property: Id(0)] string BrandId,
    [property: Id(1)] string RunId,
    [property: Id(2)] byte[] GzippedBody,
    [property: Id(3)] long UncompressedBytes,
    [property: Id(4)] long[] SourceKeys,
    [property: Id(5)] string[] InsertIds,
    [property: Id(6)] int[] LineBytes)
{
    /// <summary>The number of events in the body.</summary>
    public int EventCount => SourceKeys.Length;
}
