namespace MixpanelSync.MixpanelEmulator;

/// <summary>Profile operations of /engage and /groups.</summary>
internal enum ProfileOperation : byte
{
    Set,
    SetOnce,
    Add,
    Union,
    Append,
    Remove,
    Unset,
    Delete,
}
