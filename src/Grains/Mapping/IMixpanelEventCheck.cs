using MixpanelSync.Mixpanel;

namespace MixpanelSync.Grains.Mapping;

/// <summary>Checks a mapped event against Mixpanel's ingestion rules before it is sent.</summary>
public interface IMixpanelEventCheck
{
    /// <summary>Returns <see langword="null"/> when the event may be sent, or the rejection.</summary>
    EventCheckFailure? Check(MixpanelEvent mixpanelEvent, DateTimeOffset now);
}

/// <summary>Why an event is not sent.</summary>
/// <param name="Reason">A short stable phrase, such as <c>time out of range</c>.</param>
/// <param name="Field">The field at fault.</param>
public sealed record EventCheckFailure(string Reason, string? Field);
