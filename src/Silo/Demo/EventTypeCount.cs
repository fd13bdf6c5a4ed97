namespace MixpanelSync.Silo.Demo;

/// <summary>The expected and stored events of one brand event type.</summary>
/// <param name="Type">The brand event type, such as <c>video_view</c>.</param>
/// <param name="Expected">Stored brand events of that type in the backfill range, less the rejected ones.</param>
/// <param name="Stored">
/// Events in the emulator's deduplicated view whose name is that type's Mixpanel event name.
/// </param>
internal sealed record EventTypeCount(string Type, long Expected, long Stored);
