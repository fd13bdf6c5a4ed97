namespace MixpanelSync.Events.Storage;

/// <summary>How a sync run ended.</summary>
public enum RunOutcome
{
    /// <summary>The run has started and not ended yet.</summary>
    Running,

    /// <summary>Every event read was imported or skipped on purpose.</summary>
    Succeeded,

    /// <summary>The run finished, but some events were rejected and became dead letters.</summary>
    CompletedWithRejections,

    /// <summary>The run stopped on an error before reaching its high-water mark.</summary>
    Failed,

    /// <summary>The run was cancelled, for example because the brand disconnected.</summary>
    Cancelled,
}
