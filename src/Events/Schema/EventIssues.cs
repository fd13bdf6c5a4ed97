namespace MixpanelSync.Events.Schema;

/// <summary>Collects the errors and warnings of the event being parsed.</summary>
internal sealed class EventIssues(int index, List<BrandEventIssue> errors, List<BrandEventIssue> warnings)
{
    private readonly int _errorsBefore = errors.Count;

    public int Index { get; } = index;

    public string? EventId { get; set; }

    public bool HasErrors => ErrorCount > 0;

    public int ErrorCount => errors.Count - _errorsBefore;

    public void Error(string field, string reason) => errors.Add(new BrandEventIssue(Index, EventId, field, reason));

    public void Warning(string field, string reason) =>
        warnings.Add(new BrandEventIssue(Index, EventId, field, reason));
}
