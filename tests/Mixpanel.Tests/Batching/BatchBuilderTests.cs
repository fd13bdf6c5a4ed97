using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using static MixpanelSync.Mixpanel.Tests.TestEvents;

namespace MixpanelSync.Mixpanel.Tests.Batching;

public sealed class BatchBuilderTests
{
    private static BatchBuilder CreateSut(MixpanelBatchOptions? options = null) =>
        new(
            new MixpanelEventValidator(new MixpanelValidationOptions(), new FakeTimeProvider(Now)),
            options ?? new MixpanelBatchOptions());

    private static List<PreparedBatch> BuildAll(BatchBuilder builder, IEnumerable<MixpanelEvent> events)
    {
        var batches = new List<PreparedBatch>();
        foreach (var mixpanelEvent in events)
        {
            if (builder.Append(mixpanelEvent).CompletedBatch is { } batch)
            {
                batches.Add(batch);
            }
        }

        if (builder.Flush() is { } last)
        {
            batches.Add(last);
        }

        return batches;
    }

    private static string[] Lines(PreparedBatch batch) =>
        Encoding.UTF8.GetString(batch.Decompress()).Split('\n')[..^1];

    [Fact]
    public void Append_4500Events_CutsBatchesOf2000()
    {
        using var builder = CreateSut();

        var batches = BuildAll(builder, Enumerable.Range(0, 4500).Select(Typical));

        Assert.Equal([2000, 2000, 500], batches.Select(b => b.EventCount));
        Assert.Equal(
            Enumerable.Range(0, 4500).Select(i => (long)i),
            batches.SelectMany(b => b.Events).Select(e => e.SourceKey));
    }

    [Fact]
    public void Append_LargeEvents_KeepsEachBodyWithinByteCap()
    {
        var options = new MixpanelBatchOptions { MaxBatchBytes = 1024 * 1024 };
        using var builder = CreateSut(options);
        var block = Enumerable.Range(0, 100).Select(_ => (object?)new string('x', 200)).ToArray();
        var events = Enumerable.Range(0, 300).Select(
            i => Create(sourceKey: i, properties: [("$insert_id", $"e-{i}"), ("block", block)]));

        var batches = BuildAll(builder, events);

        Assert.True(batches.Count > 1);
        Assert.All(batches, b => Assert.InRange(b.UncompressedBytes, 1, options.MaxBatchBytes));
        Assert.Equal(300, batches.Sum(b => b.EventCount));
    }

    [Fact]
    public void Append_ByteCapReached_SealsWithoutTheNewEvent()
    {
        var options = new MixpanelBatchOptions { MaxBatchBytes = 1024 * 1024 };
        using var builder = CreateSut(options);
        var block = Enumerable.Range(0, 100).Select(_ => (object?)new string('x', 200)).ToArray();
        BatchAppendResult result = default;
        var appended = 0;

        while (result.CompletedBatch is null)
        {
            result = builder.Append(
                Create(sourceKey: appended, properties: [("$insert_id", $"e-{appended}"), ("block", block)]));
            appended++;
        }

        Assert.Equal(appended - 1, result.CompletedBatch.EventCount);
        Assert.Equal(1, builder.PendingEventCount);
        Assert.Equal(appended - 1, builder.Flush()!.Events[0].SourceKey);
    }

    [Fact]
    public void Append_RejectedEvent_IsReportedAndLeftOut()
    {
        using var builder = CreateSut();
        builder.Append(Create(sourceKey: 1, properties: [("$insert_id", "a-1")]));

        var rejected = builder.Append(Create(name: " ", sourceKey: 2, properties: [("$insert_id", "a-2")]));
        builder.Append(Create(sourceKey: 3, properties: [("$insert_id", "a-3")]));
        var batch = builder.Flush()!;

        Assert.Equal(ValidationCode.EventNameMissing, rejected.Validation.Rejection!.Code);
        Assert.Equal([1L, 3L], batch.Events.Select(e => e.SourceKey));
        Assert.Equal(2, Lines(batch).Length);
    }

    [Fact]
    public void Flush_Body_IsNdjsonInEventOrder()
    {
        using var builder = CreateSut();

        var batch = BuildAll(builder, Enumerable.Range(0, 25).Select(Typical)).Single();

        var lines = Lines(batch);
        Assert.Equal(25, lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            using var line = JsonDocument.Parse(lines[i]);
            var insertId = line.RootElement.GetProperty("properties").GetProperty("$insert_id").GetString();
            Assert.Equal(batch.Events[i].InsertId, insertId);
            Assert.Equal(Encoding.UTF8.GetByteCount(lines[i]) + 1, batch.Events[i].ByteCount);
        }

        Assert.Equal(batch.UncompressedBytes, batch.Events.Sum(e => e.ByteCount));
    }

    [Fact]
    public void Flush_RepairedEvent_CarriesItsWarnings()
    {
        using var builder = CreateSut();
        builder.Append(Create(properties: [("note", new string('a', 300))]));

        var batch = builder.Flush()!;

        Assert.Equal(ValidationCode.StringTruncated, Assert.Single(batch.Events[0].Warnings!).Code);
    }

    [Fact]
    public void Flush_Empty_ReturnsNull()
    {
        using var builder = CreateSut();

        Assert.Null(builder.Flush());
    }

    [Fact]
    public void Flush_SameEventsTwice_ProducesIdenticalBodies()
    {
        using var first = CreateSut();
        using var second = CreateSut();

        var a = BuildAll(first, Enumerable.Range(0, 100).Select(Typical)).Single();
        var b = BuildAll(second, Enumerable.Range(0, 100).Select(Typical)).Single();

        Assert.Equal(a.GzippedBody.ToArray(), b.GzippedBody.ToArray());
    }

    [Fact]
    public void Append_ManyEvents_KeepsBufferBounded()
    {
        using var builder = CreateSut(new MixpanelBatchOptions { MaxBatchBytes = 1024 * 1024 });
        var maxPending = 0;

        foreach (var mixpanelEvent in Enumerable.Range(0, 30_000).Select(Typical))
        {
            builder.Append(mixpanelEvent);
            maxPending = Math.Max(maxPending, builder.PendingBytes);
        }

        Assert.InRange(maxPending, 1, 1024 * 1024);
    }

    [Fact]
    public void Split_Batch_ReturnsHalvesWithTheSameLines()
    {
        using var builder = CreateSut();
        var batch = BuildAll(builder, Enumerable.Range(0, 7).Select(Typical)).Single();

        var (first, second) = batch.Split();

        Assert.Equal(3, first.EventCount);
        Assert.Equal(4, second.EventCount);
        Assert.Equal<string>(Lines(batch), [.. Lines(first), .. Lines(second)]);
        Assert.Equal(batch.UncompressedBytes, first.UncompressedBytes + second.UncompressedBytes);
    }

    [Fact]
    public void Split_SingleEvent_Throws()
    {
        using var builder = CreateSut();
        builder.Append(Typical(1));

        Assert.Throws<InvalidOperationException>(() => builder.Flush()!.Split());
    }

    [Fact]
    public void Constructor_ByteCountsNotMatchingBody_Throws()
    {
        Assert.Throws<ArgumentException>(() => new PreparedBatch(new byte[10], [new PreparedEvent(1, "a", 5)], 6));
    }

    [Theory]
    [InlineData(0, 9_961_472)]
    [InlineData(2001, 9_961_472)]
    [InlineData(2000, 1000)]
    [InlineData(2000, 10_485_761)]
    public void Constructor_OptionsOutOfRange_Throws(int maxEvents, int maxBytes)
    {
        var options = new MixpanelBatchOptions { MaxEventsPerBatch = maxEvents, MaxBatchBytes = maxBytes };

        Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => CreateSut(options));
    }
}
