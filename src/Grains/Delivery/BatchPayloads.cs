using System.Runtime.InteropServices;
using MixpanelSync.GrainInterfaces.Delivery;
using MixpanelSync.Mixpanel;

namespace MixpanelSync.Grains.Delivery;

/// <summary>
/// Converts prepared batches to the serializable payload that crosses grain calls and back, keeping the gzipped
/// body byte for byte so that every resend is the same request.
/// </summary>
internal static class BatchPayloads
{
    public static BatchPayload FromPrepared(string brandId, string runId, PreparedBatch batch)
    {
        var count = batch.EventCount;
        var sourceKeys = new long[count];
        var insertIds = new string[count];
        var lineBytes = new int[count];
        for (var i = 0; i < count; i++)
        {
            var preparedEvent = batch.Events[i];
            sourceKeys[i] = preparedEvent.SourceKey;
            insertIds[i] = preparedEvent.InsertId;
            lineBytes[i] = preparedEvent.ByteCount;
        }

        return new BatchPayload(
            brandId,
            runId,
            ToArray(batch.GzippedBody),
            batch.UncompressedBytes,
            sourceKeys,
            insertIds,
            lineBytes);
    }

    /// <exception cref="ArgumentException">
    /// The payload's arrays differ in length or its line lengths do not add up.
    /// </exception>
    public static PreparedBatch ToPrepared(BatchPayload payload)
    {
        var count = payload.SourceKeys.Length;
        if (payload.InsertIds.Length != count || payload.LineBytes.Length != count)
        {
            throw new ArgumentException(
                $"The payload has {count} source keys, {payload.InsertIds.Length} insert ids and "
                + $"{payload.LineBytes.Length} line lengths; they must be equal.",
                nameof(payload));
        }

        var events = new PreparedEvent[count];
        for (var i = 0; i < count; i++)
        {
            events[i] = new PreparedEvent(payload.SourceKeys[i], payload.InsertIds[i], payload.LineBytes[i]);
        }

        return new PreparedBatch(payload.GzippedBody, events, payload.UncompressedBytes);
    }

    private static byte[] ToArray(ReadOnlyMemory<byte> body) =>
        MemoryMarshal.TryGetArray(body, out var segment)
            && segment.Array is { } array
            && segment.Offset == 0
            && segment.Count == array.Length
            ? array
            : body.ToArray();
}
