namespace MixpanelSync.Events;

/// <summary>
/// One event of the Brand Control Center schema (docs/event-schema.md), as a brand sends it and as the
/// event store keeps it.
/// </summary>
/// <remarks>
/// Property values are <see cref="string"/>, <see cref="long"/>, <see cref="decimal"/>, <see cref="double"/>,
/// <see cref="bool"/>, <see langword="null"/>, or a list (<see cref="IReadOnlyList{T}"/> of <see cref="object"/>)
/// of those scalars. The schema parser produces only these; code that builds events by hand must
/// keep to them as well.
/// </remarks>
public sealed record BrandEvent
{
    /// <summary>The brand-unique id; ingestion is idempotent by brand id and this id.</summary>
    public required string EventId { get; init; }

    /// <summary>The schema type, one of <see cref="BrandEventTypes"/>, such as <c>video_view</c>.</summary>
    public required string Type { get; init; }

    /// <summary>The moment the end user did what the event records.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The brand's id of the logged-in end user; at least one of user and device id is set.</summary>
    public string? UserId { get; init; }

    /// <summary>The anonymous id of the end user's device or browser.</summary>
    public string? DeviceId { get; init; }

    /// <summary>The app or web session the event happened in.</summary>
    public string? SessionId { get; init; }

    /// <summary>The device, app and location the event came from.</summary>
    public BrandEventContext Context { get; init; } = BrandEventContext.Empty;

    /// <summary>The type's properties from the schema, followed by any custom properties the brand sent.</summary>
    public IReadOnlyDictionary<string, object?> Properties { get; init; } = EmptyProperties;

    private static readonly IReadOnlyDictionary<string, object?> EmptyProperties =
        new Dictionary<string, object?>(StringComparer.Ordinal);
}
