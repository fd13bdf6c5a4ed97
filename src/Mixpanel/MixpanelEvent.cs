namespace MixpanelSync.Mixpanel;

/// <summary>
/// One event in Mixpanel's ingestion shape: an event name and an ordered list of properties that
/// includes <c>time</c>, <c>distinct_id</c> and <c>$insert_id</c>.
/// </summary>
/// <remarks>
/// Property values may be <see langword="null"/>, <see cref="string"/>, <see cref="bool"/>, any integral or
/// floating-point number, <see cref="decimal"/>, <see cref="DateTimeOffset"/>, <see cref="DateTime"/>,
/// <see cref="System.Text.Json.JsonElement"/>, a list of values (<see cref="IReadOnlyList{T}"/> of
/// <see cref="object"/>) or a nested object (<see cref="IReadOnlyList{T}"/> of key-value pairs).
/// The validator decides what each of them becomes on the wire; nothing here is checked on construction.
/// </remarks>
public sealed class MixpanelEvent
{
    /// <summary>Creates an event.</summary>
    /// <param name="name">The event name; <see langword="null"/> or blank names are rejected by validation.</param>
    /// <param name="properties">The properties, in the order they are written to the wire.</param>
    /// <param name="sourceKey">
    /// An opaque number that outcomes refer back to, such as the event store's sequence number.
    /// </param>
    public MixpanelEvent(string? name, IReadOnlyList<KeyValuePair<string, object?>> properties, long sourceKey = 0)
    {
        ArgumentNullException.ThrowIfNull(properties);
        _name = name;
        _properties = properties;
        SourceKey = sourceKey;
    }

    // Events read from files in their wire form keep only the bytes. The name and properties are parsed from them
    // on first access, which the validator's copy path never makes.
    internal MixpanelEvent(CompactEvent compact, long sourceKey)
    {
        Compact = compact;
        SourceKey = sourceKey;
    }

    private string? _name;
    private IReadOnlyList<KeyValuePair<string, object?>>? _properties;

    /// <summary>The event name.</summary>
    public string? Name
    {
        get
        {
            EnsureParsed();
            return _name;
        }
    }

    /// <summary>The properties in wire order.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Properties
    {
        get
        {
            EnsureParsed();
            return _properties!;
        }
    }

    /// <summary>The caller's key for this event, carried into every outcome.</summary>
    public long SourceKey { get; }

    /// <summary>The event's bytes in wire form, when it was read that way.</summary>
    internal CompactEvent? Compact { get; }

    private void EnsureParsed()
    {
        if (_properties is null && Compact is not null)
        {
            (_name, _properties) = Compact.Parse();
        }
    }
}
