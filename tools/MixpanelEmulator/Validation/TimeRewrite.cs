namespace MixpanelSync.MixpanelEmulator;

/// <summary>How the stored event's time property is written.</summary>
internal enum TimeRewrite : byte
{
    /// <summary>Copy the number exactly as sent.</summary>
    Unchanged,

    /// <summary>Write the resolved time in whole seconds (a clamped seconds value, or a /track default).</summary>
    Seconds,

    /// <summary>Write the resolved time in milliseconds (a clamped milliseconds value).</summary>
    Milliseconds,
}
