namespace MixpanelSync.Api.Ingestion;

/// <summary>A problem with one field of an event.</summary>
/// <param name="Field">The field, as a path such as <c>properties.watch_time_ms</c>; empty for the whole event.</param>
/// <param name="Reason">What is wrong, with the value and how to fix it.</param>
public sealed record FieldIssue(string Field, string Reason);
