using MixpanelSync.Events;
using MixpanelSync.GrainInterfaces.Integration;
using MixpanelSync.Mixpanel;

namespace MixpanelSync.Grains.Mapping;

/// <summary>Maps a stored brand event onto a Mixpanel event whose source key is the event's sequence number.</summary>
public interface IBrandEventMapper
{
    /// <summary>Maps one event with the run's mapping settings.</summary>
    MixpanelEvent Map(string brandId, long sequence, BrandEvent brandEvent, MappingSettings settings);
}
