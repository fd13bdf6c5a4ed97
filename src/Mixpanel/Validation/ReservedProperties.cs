namespace MixpanelSync.Mixpanel;

/// <summary>The positions of the properties that Mixpanel gives a meaning to; -1 when absent.</summary>
internal struct ReservedProperties
{
    public int Time;
    public int DistinctId;
    public int InsertId;
    public int Ip;
    public int Token;
}
