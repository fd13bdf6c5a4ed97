namespace MixpanelSync.Silo.Demo;

/// <summary>The expected and stored events of one event name.</summary>
/// <param name="Name">The Mixpanel event name, which is the brand event type because the demo sets no prefix.</param>
/// <param name="Expected">Stored brand events of that type in the backfill range, less the rejected ones.</param>
/// <param name="Stored">Events of that name in the emulator's deduplicated view.</param>
internal sealed record EventNameCount(string Name, long Expected, long Stored);
