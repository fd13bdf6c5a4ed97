namespace MixpanelSync.Api.Ingestion;

/// <summary>The outcome of one ingestion request.</summary>
/// <param name="Received">Events in the body, valid or not.</param>
/// <param name="Accepted">Valid events stored by this request.</param>
/// <param name="Duplicates">Valid events not stored again because the brand already sent their event id.</param>
/// <param name="RejectedCount">Events rejected by validation; nothing of them is stored.</param>
/// <param name="Rejected">Each rejected event with its position and every problem found.</param>
/// <param name="Warnings">Repairs made to accepted events, such as a dropped placeholder user id.</param>
public sealed record IngestionResponse(
    int Received,
    int Accepted,
    int Duplicates,
    int RejectedCount,
    IReadOnlyList<RejectedEventReport> Rejected,
    IReadOnlyList<EventIssueResponse> Warnings);
