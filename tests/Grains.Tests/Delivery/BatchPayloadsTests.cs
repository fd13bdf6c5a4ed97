using MixpanelSync.Grains.Delivery;
using MixpanelSync.Mixpanel;

namespace MixpanelSync.Grains.Tests.Delivery;

public sealed class BatchPayloadsTests
{
    [Fact]
    public void ToPrepared_RoundTrip_KeepsBodyAndEvents()
    {
        var prepared = PrepareBatch(eventCount: 25);

        var payload = BatchPayloads.FromPrepared("brand-1", "run-1", prepared);
        var rebuilt = BatchPayloads.ToPrepared(payload);

        Assert.Equal(prepared.GzippedBody.ToArray(), rebuilt.GzippedBody.ToArray());
        Assert.Equal(prepared.UncompressedBytes, rebuilt.UncompressedBytes);
        Assert.Equal(prepared.Events.Select(e => e.SourceKey), rebuilt.Events.Select(e => e.SourceKey));
        Assert.Equal(prepared.Events.Select(e => e.InsertId), rebuilt.Events.Select(e => e.InsertId));
        Assert.Equal(prepared.Events.Select(e => e.ByteCount), rebuilt.Events.Select(e => e.ByteCount));
        Assert.Equal(prepared.Decompress(), rebuilt.Decompress());
    }

    [Fact]
    public void ToPrepared_RebuiltBatch_SplitsAtLineBoundary()
    {
        var payload = BatchPayloads.FromPrepared("brand-1", "run-1", PrepareBatch(eventCount: 9));

        var (first, second) = BatchPayloads.ToPrepared(payload).Split();

        Assert.Equal(4, first.EventCount);
        Assert.Equal(5, second.EventCount);
        Assert.Equal(payload.UncompressedBytes, first.UncompressedBytes + second.UncompressedBytes);
    }

    [Fact]
    public void ToPrepared_MismatchedArrays_Throws()
    {
        var payload = BatchPayloads.FromPrepared("brand-1", "run-1", PrepareBatch(eventCount: 3));
        var broken = payload with { InsertIds = payload.InsertIds[..2] };

        var exception = Assert.Throws<ArgumentException>(() => BatchPayloads.ToPrepared(broken));

        Assert.Contains("2 insert ids", exception.Message, StringComparison.Ordinal);
    }

    private static PreparedBatch PrepareBatch(int eventCount)
    {
        using var builder = new BatchBuilder(
            new MixpanelEventValidator(new MixpanelValidationOptions()),
            new MixpanelBatchOptions());
        for (var i = 0; i < eventCount; i++)
        {
            var properties = new List<KeyValuePair<string, object?>>
            {
                new("time", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()),
                new("distinct_id", $"user-{i}"),
                new("$insert_id", InsertIds.Create("brand-1", $"event-{i}")),
                new("seconds", (long)i),
            };
            Assert.True(builder.Append(new MixpanelEvent("Video View", properties, sourceKey: 100 + i))
                .Validation.IsAccepted);
        }

        return builder.Flush()!;
    }
}
