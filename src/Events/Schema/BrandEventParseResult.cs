namespace MixpanelSync.Events.Schema;

/// <summary>The events of a batch that passed validation, and the problems found in the others.</summary>
/// <param name="Events">The valid events, in batch order.</param>
/// <param name="Errors">One entry per problem of each rejected event; an event can have several.</param>
/// <param name="Warnings">Repairs made to accepted events, such as a dropped placeholder user id.</param>
/// <param name="Count">The number of events in the batch, valid or not.</param>
public sealed record BrandEventParseResult(
    IReadOnlyList<BrandEvent> Events,
    IReadOnlyList<BrandEventIssue> Errors,
    IReadOnlyList<BrandEventIssue> Warnings,
    int Count)
{
    /// <summary>The number of events rejected.</summary>
    public int RejectedCount => Errors.Select(error => error.Index).Distinct().Count();
}
