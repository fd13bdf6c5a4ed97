namespace MixpanelSync.Mixpanel;

/// <summary>
/// A self-contained request body: gzipped NDJSON with one event per line, and the events it carries. A resend
/// uses the same bytes, so Mixpanel receives the same event name, <c>distinct_id</c>, <c>time</c> and
/// <c>$insert_id</c> and deduplicates it.
/// </summary>
public sealed class PreparedBatch
{
    /// <summary>Creates a batch, for instance from a copy that crossed a process boundary.</summary>
    /// <param name="gzippedBody">The gzip-compressed NDJSON body.</param>
    /// <param name="events">The events in body order.</param>
    /// <param name="uncompressedBytes">The body length before compression.</param>
    /// <param name="endpoint">The endpoint the body was prepared for.</param>
    /// <param name="isProfileBatch">Whether the lines are <c>/engage</c> profile updates rather than events.</param>
    /// <exception cref="ArgumentException">The events are empty or their byte counts do not add up.</exception>
    public PreparedBatch(
        ReadOnlyMemory<byte> gzippedBody,
        IReadOnlyList<PreparedEvent> events,
        long uncompressedBytes,
        MixpanelIngestionEndpoint endpoint = MixpanelIngestionEndpoint.Import,
        bool isProfileBatch = false)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            throw new ArgumentException("A batch needs at least one event.", nameof(events));
        }

        long sum = 0;
        foreach (var preparedEvent in events)
        {
            sum += preparedEvent.ByteCount;
        }

        if (sum != uncompressedBytes)
        {
            throw new ArgumentException(
                $"The events' byte counts add up to {sum}, but the body has {uncompressedBytes} bytes.",
                nameof(uncompressedBytes));
        }

        GzippedBody = gzippedBody;
        Events = events;
        UncompressedBytes = uncompressedBytes;
        Endpoint = endpoint;
        IsProfileBatch = isProfileBatch;
    }

    /// <summary>The gzip-compressed NDJSON body.</summary>
    public ReadOnlyMemory<byte> GzippedBody { get; }

    /// <summary>
    /// The events in body order: index <c>i</c> is line <c>i</c> and Mixpanel's failed record index <c>i</c>.
    /// </summary>
    public IReadOnlyList<PreparedEvent> Events { get; }

    /// <summary>The number of events.</summary>
    public int EventCount => Events.Count;

    /// <summary>The body length before compression, which is what Mixpanel's size limit counts.</summary>
    public long UncompressedBytes { get; }

    /// <summary>The endpoint the body was prepared for.</summary>
    public MixpanelIngestionEndpoint Endpoint { get; }

    /// <summary>
    /// Whether the lines are <c>/engage</c> profile updates; <see cref="PreparedEvent.InsertId"/> then contains each
    /// update's <c>$distinct_id</c>.
    /// </summary>
    public bool IsProfileBatch { get; }

    /// <summary>
    /// Splits the batch into two halves at a line boundary, for resending after Mixpanel responds with 413.
    /// </summary>
    /// <exception cref="InvalidOperationException">The batch has only one event.</exception>
    public (PreparedBatch First, PreparedBatch Second) Split()
    {
        if (EventCount < 2)
        {
            throw new InvalidOperationException("A batch of one event cannot be split.");
        }

        var body = Gzip.Decompress(GzippedBody.Span, UncompressedBytes);
        var half = EventCount / 2;
        var firstEvents = new PreparedEvent[half];
        var secondEvents = new PreparedEvent[EventCount - half];
        long firstBytes = 0;
        for (var i = 0; i < EventCount; i++)
        {
            if (i < half)
            {
                firstEvents[i] = Events[i];
                firstBytes += Events[i].ByteCount;
            }
            else
            {
                secondEvents[i - half] = Events[i];
            }
        }

        var first = new PreparedBatch(
            Gzip.Compress(body.AsSpan(0, (int)firstBytes), GzipLevel),
            firstEvents,
            firstBytes,
            Endpoint,
            IsProfileBatch);
        var second = new PreparedBatch(
            Gzip.Compress(body.AsSpan((int)firstBytes), GzipLevel),
            secondEvents,
            UncompressedBytes - firstBytes,
            Endpoint,
            IsProfileBatch);
        return (first, second);
    }

    /// <summary>Returns the uncompressed NDJSON body.</summary>
    public byte[] Decompress() => Gzip.Decompress(GzippedBody.Span, UncompressedBytes);

    private const System.IO.Compression.CompressionLevel GzipLevel = System.IO.Compression.CompressionLevel.Fastest;
}
