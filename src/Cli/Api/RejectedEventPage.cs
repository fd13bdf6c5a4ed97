namespace MixpanelSync.Cli.Api;

/// <summary>One page of a brand's rejected events, oldest first.</summary>
/// <param name="Events">The rejected events.</param>
/// <param name="NextAfter">The <c>after</c> value of the next page, or <see langword="null"/> on the last page.</param>
internal sealed record RejectedEventPage(IReadOnlyList<RejectedEventResponse> Events, long? NextAfter);
