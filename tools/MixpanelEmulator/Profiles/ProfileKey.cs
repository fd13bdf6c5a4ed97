namespace MixpanelSync.MixpanelEmulator;

/// <summary>Identity of a profile: a distinct_id (GroupKey empty) or a group key and group id.</summary>
internal readonly record struct ProfileKey(string GroupKey, string Id);
