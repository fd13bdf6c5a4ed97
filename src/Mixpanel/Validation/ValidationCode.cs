namespace MixpanelSync.Mixpanel;

/// <summary>
/// A machine-readable reason attached to a validation issue. Codes ending in <c>Truncated</c>,
/// <c>Replaced</c>, <c>Flattened</c> or <c>Derived</c> are warnings: the event is repaired and still sent.
/// All other codes reject the event.
/// </summary>
public enum ValidationCode
{
    /// <summary>The event name is missing, empty or only whitespace.</summary>
    EventNameMissing = 1,

    /// <summary>Warning: the event name was longer than the string limit and was cut.</summary>
    EventNameTruncated,

    /// <summary>The <c>time</c> property is missing or null.</summary>
    TimeMissing,

    /// <summary>The <c>time</c> value is neither a number nor a date nor a parseable string.</summary>
    TimeUnparseable,

    /// <summary>The <c>time</c> value is a date and time without a UTC offset, so its instant is unknown.</summary>
    TimeAmbiguous,

    /// <summary>
    /// The <c>time</c> value is outside the accepted window (1971-01-01 to one hour ahead) or its number
    /// is in none of the seconds, milliseconds or microseconds bands.
    /// </summary>
    TimeOutOfRange,

    /// <summary>The event is older than the five days that <c>/track</c> accepts.</summary>
    TimeTooOldForTrack,

    /// <summary>The <c>distinct_id</c> property is missing.</summary>
    DistinctIdMissing,

    /// <summary>The <c>distinct_id</c> value is not a string.</summary>
    DistinctIdNotString,

    /// <summary>The <c>distinct_id</c> value is a placeholder such as <c>null</c> or <c>anonymous</c>.</summary>
    DistinctIdPlaceholder,

    /// <summary>Warning: a placeholder <c>distinct_id</c> was replaced with the empty string (no user).</summary>
    DistinctIdPlaceholderReplaced,

    /// <summary>The <c>$insert_id</c> property is missing, empty or not a string.</summary>
    InsertIdMissing,

    /// <summary>The <c>$insert_id</c> value does not match <c>[A-Za-z0-9-]{1,36}</c>.</summary>
    InsertIdInvalid,

    /// <summary>The <c>$insert_id</c> value is a placeholder such as <c>null</c> or <c>0</c>.</summary>
    InsertIdPlaceholder,

    /// <summary>Warning: an invalid <c>$insert_id</c> was replaced with a hash of its value.</summary>
    InsertIdDerived,

    /// <summary>
    /// A reserved property (<c>time</c>, <c>distinct_id</c>, <c>$insert_id</c>, <c>ip</c>, <c>token</c>) appears twice.
    /// </summary>
    DuplicateReservedProperty,

    /// <summary>The event has 255 or more properties.</summary>
    TooManyProperties,

    /// <summary>A nested object has 255 or more keys.</summary>
    TooManyObjectKeys,

    /// <summary>A value is nested deeper than the configured maximum depth.</summary>
    NestingTooDeep,

    /// <summary>Warning: objects nested deeper than the maximum depth were flattened into dotted keys.</summary>
    NestingFlattened,

    /// <summary>A list has 255 or more elements.</summary>
    ArrayTooLong,

    /// <summary>Warning: a list with 255 or more elements was cut to the limit.</summary>
    ArrayTruncated,

    /// <summary>Warning: a string value was longer than the string limit and was cut.</summary>
    StringTruncated,

    /// <summary>Warning: a property name was longer than the string limit and was cut.</summary>
    PropertyNameTruncated,

    /// <summary>Warning: a string contained unpaired UTF-16 surrogates, which were replaced with U+FFFD.</summary>
    InvalidUtf16Replaced,

    /// <summary>A number is NaN or infinite, which JSON cannot carry.</summary>
    NonFiniteNumber,

    /// <summary>A property value has a CLR type that has no JSON form here.</summary>
    UnsupportedValueType,

    /// <summary>The serialized event reaches the per-event byte limit.</summary>
    EventTooLarge,
}
