namespace MixpanelSync.MixpanelEmulator;

internal enum ProfileKind : byte
{
    /// <summary>User profiles of /engage, keyed by $distinct_id.</summary>
    User,

    /// <summary>Group profiles of /groups, keyed by $group_key and $group_id.</summary>
    Group,
}
