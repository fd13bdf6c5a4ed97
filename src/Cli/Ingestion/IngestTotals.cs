using MixpanelSync.Cli.Api;

namespace MixpanelSync.Cli.Ingestion;

/// <summary>The running totals of an <c>ingest</c>, and the first rejected events to list.</summary>
internal sealed class IngestTotals
{
    /// <summary>The maximum number of rejected events listed. The count covers all of them.</summary>
    public const int MaxListed = 20;

    public long Received { get; private set; }

    public long Accepted { get; private set; }

    public long Duplicates { get; private set; }

    public long Rejected { get; private set; }

    public long Warnings { get; private set; }

    public long Requests { get; private set; }

    public List<IngestRejection> Listed { get; } = [];

    public void Add(IngestionResponse response, IngestBatch batch)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(batch);
        Requests++;
        Received += response.Received;
        Accepted += response.Accepted;
        Duplicates += response.Duplicates;
        Rejected += response.RejectedCount;
        Warnings += response.Warnings.Count;
        foreach (var rejected in response.Rejected.Take(MaxListed - Listed.Count))
        {
            var problems = string.Join("; ", rejected.Errors.Select(Describe));
            Listed.Add(new IngestRejection(batch.RecordNumberAt(rejected.Index), rejected.EventId, problems));
        }
    }

    private static string Describe(FieldIssue error) =>
        error.Field.Length == 0 ? error.Reason : $"{error.Field}: {error.Reason}";
}

/// <summary>A rejected event to list: its input record number, id and problems.</summary>
internal sealed record IngestRejection(long RecordNumber, string? EventId, string Problems);
