namespace MixpanelSync.MixpanelEmulator;

/// <summary>What one scan of an event found: the fields that rules inspect and the first structural failure.</summary>
internal struct EventFacts
{
    public ValidationFailure? StructuralFailure;
    public bool IsObject;
    public bool HasProperties;
    public ValueKind NameKind;
    public string? Name;
    public ValueKind TimeKind;
    public double Time;

    /// <summary>Offset of the time number's text in the event JSON, so it can be copied unchanged.</summary>
    public int TimeOffset;
    public int TimeLength;
    public ValueKind DistinctIdKind;
    public string? DistinctId;
    public ValueKind InsertIdKind;
    public string? InsertId;
    public bool InsertIdWellFormed;
    public string? UserId;
    public string? DeviceId;
    public string? Token;
    public bool HasIgnore;
}
