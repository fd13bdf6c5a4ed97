namespace MixpanelSync.MixpanelEmulator;

/// <summary>JSON kind of a property the validator inspects.</summary>
internal enum ValueKind : byte
{
    Missing,
    String,
    Number,
    Other,
}
