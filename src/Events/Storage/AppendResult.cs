namespace MixpanelSync.Events.Storage;

/// <summary>The outcome of appending one batch of events.</summary>
/// <param name="Accepted">Events stored by this call.</param>
/// <param name="Duplicates">Events not stored because the brand had already stored their event id.</param>
public sealed record AppendResult(int Accepted, int Duplicates);
