namespace MixpanelSync.Mixpanel;

/// <summary>Where a string is written, which decides the warning code used when it is repaired.</summary>
internal enum TextRole
{
    EventName,
    PropertyName,
    Value,
}
