namespace MixpanelSync.Api.RejectedEvents;

/// <summary>One page of rejected events, oldest first.</summary>
/// <param name="Events">The rejected events.</param>
/// <param name="NextAfter">
/// The value of <c>after</c> that fetches the next page, or <see langword="null"/> when this page is the last.
/// </param>
public sealed record RejectedEventPage(IReadOnlyList<RejectedEventResponse> Events, long? NextAfter);
