namespace MixpanelSync.MixpanelEmulator;

/// <summary>A valid profile update with the token that routes it and the profile it targets.</summary>
internal sealed record ParsedProfileUpdate(string Token, ProfileKey Key, ProfileUpdate Update);
