namespace MixpanelSync.Mixpanel;

/// <summary>What a request carries, for log messages.</summary>
/// <param name="Endpoint">The path, such as <c>/import</c>.</param>
/// <param name="EventCount">The number of events or profile updates.</param>
/// <param name="Target">The masked target description.</param>
internal sealed record RequestDescription(string Endpoint, int EventCount, string Target);
