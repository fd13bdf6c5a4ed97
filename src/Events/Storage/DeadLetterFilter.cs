namespace MixpanelSync.Events.Storage;

/// <summary>Which dead letters a listing returns.</summary>
public enum DeadLetterFilter
{
    /// <summary>Only dead letters not yet replayed.</summary>
    Pending,

    /// <summary>Every dead letter, replayed or not.</summary>
    All,
}
