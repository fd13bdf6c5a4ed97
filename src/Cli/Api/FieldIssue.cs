namespace MixpanelSync.Cli.Api;

/// <summary>A problem with one field of an event.</summary>
/// <param name="Field">
/// The field as a path, such as <c>properties.watch_time_ms</c>, or empty for the whole event.
/// </param>
/// <param name="Reason">What is wrong and how to fix it.</param>
internal sealed record FieldIssue(string Field, string Reason);
