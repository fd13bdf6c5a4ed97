namespace MixpanelSync.MixpanelEmulator;

/// <summary>The values a valid event is stored with, after defaults, clamping and identity derivation.</summary>
/// <remarks><c>TimeOffset</c> and <c>TimeLength</c> locate the time number's text in the event JSON.</remarks>
internal readonly record struct ResolvedEvent(
    string Name,
    string DistinctId,
    long TimeMilliseconds,
    TimeRewrite TimeRewrite,
    int TimeOffset,
    int TimeLength,
    string InsertId,
    bool InsertIdGenerated);
