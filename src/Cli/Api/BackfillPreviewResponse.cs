namespace MixpanelSync.Cli.Api;

/// <summary>What a backfill from a date would send.</summary>
internal sealed record BackfillPreviewResponse(DateTimeOffset From, DateTimeOffset Until, long EventCount);
