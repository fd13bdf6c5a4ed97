namespace MixpanelSync.Mixpanel;

/// <summary>
/// Validates a stream of events and packs the accepted ones into <see cref="PreparedBatch"/>es of at most
/// <see cref="MixpanelBatchOptions.MaxEventsPerBatch"/> events and <see cref="MixpanelBatchOptions.MaxBatchBytes"/>
/// uncompressed bytes. Memory stays bounded by one batch however many events pass through. Not thread-safe.
/// </summary>
/// <example>
/// <code>
/// using var builder = new BatchBuilder(validator, new MixpanelBatchOptions());
/// foreach (var mixpanelEvent in events)
/// {
///     var result = builder.Append(mixpanelEvent);
///     if (result.CompletedBatch is { } batch) { await client.SendAsync(target, batch, cancellationToken); }
/// }
/// if (builder.Flush() is { } last) { await client.SendAsync(target, last, cancellationToken); }
/// </code>
/// </example>
public sealed class BatchBuilder : IDisposable
{
    private readonly MixpanelEventValidator _validator;
    private readonly MixpanelBatchOptions _options;
    private readonly MixpanelIngestionEndpoint _endpoint;
    private readonly string? _projectToken;
    private readonly EventWriter _writer;
    private readonly PooledBufferWriter _body;
    private readonly List<PreparedEvent> _events;
    private readonly int _maxBatchBytes;

    /// <summary>Creates a builder for <c>/import</c>.</summary>
    public BatchBuilder(MixpanelEventValidator validator, MixpanelBatchOptions options)
        : this(validator, options, MixpanelIngestionEndpoint.Import, projectToken: null)
    {
    }

    /// <summary>Creates a builder for the given endpoint.</summary>
    /// <param name="validator">The validator whose options apply.</param>
    /// <param name="options">The batch limits.</param>
    /// <param name="endpoint">The endpoint the bodies are for.</param>
    /// <param name="projectToken">
    /// The project token, required for <see cref="MixpanelIngestionEndpoint.Track"/>, which reads it from each
    /// event's <c>token</c> property.
    /// </param>
    public BatchBuilder(
        MixpanelEventValidator validator,
        MixpanelBatchOptions options,
        MixpanelIngestionEndpoint endpoint,
        string? projectToken)
    {
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(options);
        MixpanelBatchOptionsValidator.ThrowIfInvalid(options);
        if (endpoint == MixpanelIngestionEndpoint.Track)
        {
            ArgumentException.ThrowIfNullOrEmpty(projectToken);
        }

        _validator = validator;
        _options = options;
        _endpoint = endpoint;
        _projectToken = projectToken;
        _writer = validator.CreateWriter();
        _events = new List<PreparedEvent>(Math.Min(options.MaxEventsPerBatch, 256));
        _body = new PooledBufferWriter(256 * 1024);

        // /track bodies are form-encoded, which can triple the size of the JSON.
        _maxBatchBytes = endpoint == MixpanelIngestionEndpoint.Track
            ? options.MaxBatchBytes / 3
            : options.MaxBatchBytes;
    }

    /// <summary>The number of accepted events waiting in the current batch.</summary>
    public int PendingEventCount => _events.Count;

    /// <summary>The uncompressed bytes of the current batch.</summary>
    public int PendingBytes => _body.WrittenCount;

    /// <summary>
    /// Validates the event and adds it to the current batch unless it is rejected. When the event does not fit, the
    /// current batch is sealed and returned, and the event starts the next one.
    /// </summary>
    public BatchAppendResult Append(MixpanelEvent mixpanelEvent)
    {
        ArgumentNullException.ThrowIfNull(mixpanelEvent);
        var start = _body.WrittenCount;
        var context = new EventWriteContext(_endpoint, _validator.NowMilliseconds, _projectToken);
        var validation = _writer.Write(mixpanelEvent, _body, context);
        if (!validation.IsAccepted)
        {
            return new BatchAppendResult(validation, null);
        }

        var lineBytes = _body.WrittenCount - start;
        var warnings = validation.Warnings.Count > 0 ? validation.Warnings : null;
        var prepared = new PreparedEvent(mixpanelEvent.SourceKey, validation.InsertId!, lineBytes, warnings);
        PreparedBatch? completed = null;
        if (_events.Count > 0
            && (_events.Count >= _options.MaxEventsPerBatch || _body.WrittenCount > _maxBatchBytes))
        {
            completed = Seal(start);
        }

        _events.Add(prepared);
        return new BatchAppendResult(validation, completed);
    }

    /// <summary>Seals and returns the current batch, or returns <see langword="null"/> when it is empty.</summary>
    public PreparedBatch? Flush() => _events.Count == 0 ? null : Seal(_body.WrittenCount);

    /// <summary>Returns the pooled buffer.</summary>
    public void Dispose() => _body.Dispose();

    private PreparedBatch Seal(int length)
    {
        var body = Gzip.Compress(_body.WrittenSpan[..length], _options.CompressionLevel);
        var batch = new PreparedBatch(body, _events.ToArray(), length, _endpoint);
        _events.Clear();
        _body.RemovePrefix(length);
        return batch;
    }
}
