namespace MixpanelSync.Api.Keys;

/// <summary>The log category of the key endpoints, which are static.</summary>
internal sealed class KeyLogCategory;
