namespace MixpanelSync.Cli.Api;

/// <summary>The response of <c>POST /api/v1/brands/{brandId}/events</c>.</summary>
/// <param name="Received">Events in the body, valid or not.</param>
/// <param name="Accepted">Valid events stored by this request.</param>
/// <param name="Duplicates">Valid events not stored again because the brand already sent their id.</param>
/// <param name="RejectedCount">Events rejected by the schema.</param>
/// <param name="Rejected">Each rejected event with its 0-based position in the body and its problems.</param>
/// <param name="Warnings">Repairs made to accepted events.</param>
internal sealed record IngestionResponse(
    int Received,
    int Accepted,
    int Duplicates,
    int RejectedCount,
    IReadOnlyList<RejectedEventReport> Rejected,
    IReadOnlyList<EventIssueResponse> Warnings);
