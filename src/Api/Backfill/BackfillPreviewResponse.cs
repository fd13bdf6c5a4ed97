namespace MixpanelSync.Api.Backfill;

/// <summary>What a backfill from a date would send.</summary>
/// <param name="From">The earliest event time included.</param>
/// <param name="Until">The connection time; later events go with the regular runs.</param>
/// <param name="EventCount">Stored events in that range.</param>
public sealed record BackfillPreviewResponse(DateTimeOffset From, DateTimeOffset Until, long EventCount);
