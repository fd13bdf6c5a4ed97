using Microsoft.Extensions.Options;

namespace MixpanelSync.Mixpanel;

/// <summary>
/// Checks and repairs events against Mixpanel's ingestion rules before they are sent. Thread-safe; never throws
/// on malformed events.
/// </summary>
/// <example>
/// <code>
/// var validator = new MixpanelEventValidator(new MixpanelValidationOptions());
/// var result = validator.Validate(mixpanelEvent);
/// if (!result.IsAccepted)
/// {
///     Console.WriteLine($"{result.Rejection!.Code} at {result.Rejection.Field}: {result.Rejection.Message}");
/// }
/// </code>
/// </example>
public sealed class MixpanelEventValidator
{
    private readonly TimeProvider _timeProvider;
    private EventWriter? _cachedWriter;
    private PooledBufferWriter? _cachedBuffer;

    /// <summary>Creates a validator from configured options.</summary>
    public MixpanelEventValidator(IOptions<MixpanelValidationOptions> options, TimeProvider timeProvider)
        : this(options.Value, timeProvider)
    {
    }

    /// <summary>Creates a validator.</summary>
    /// <param name="options">The limits and repair policies.</param>
    /// <param name="timeProvider">The clock for the time window checks; the system clock when null.</param>
    public MixpanelEventValidator(MixpanelValidationOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        MixpanelValidationOptionsValidator.ThrowIfInvalid(options);
        Options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The limits and repair policies in force.</summary>
    public MixpanelValidationOptions Options { get; }

    /// <summary>Validates one event as it would be prepared for the given endpoint.</summary>
    /// <param name="mixpanelEvent">The event.</param>
    /// <param name="endpoint">
    /// The endpoint. <see cref="MixpanelIngestionEndpoint.Track"/> adds the five-day check.
    /// </param>
    /// <returns>Valid, repaired with warnings, or rejected with the field and reason.</returns>
    public EventValidationResult Validate(
        MixpanelEvent mixpanelEvent,
        MixpanelIngestionEndpoint endpoint = MixpanelIngestionEndpoint.Import)
    {
        ArgumentNullException.ThrowIfNull(mixpanelEvent);
        var writer = Interlocked.Exchange(ref _cachedWriter, null) ?? CreateWriter();
        var buffer = Interlocked.Exchange(ref _cachedBuffer, null) ?? new PooledBufferWriter(4096);
        try
        {
            // The token only adds to the event's size, so a placeholder of a typical length is used in its place.
            var context = new EventWriteContext(endpoint, NowMilliseconds, "00000000000000000000000000000000");
            return writer.Write(mixpanelEvent, buffer, context);
        }
        finally
        {
            buffer.Clear();
            _cachedWriter = writer;
            _cachedBuffer = buffer;
        }
    }

    internal long NowMilliseconds => _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();

    internal EventWriter CreateWriter() => new(Options);
}
