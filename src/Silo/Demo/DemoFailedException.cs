namespace MixpanelSync.Silo.Demo;

/// <summary>A failed demo step. The message names the brand, what failed and what to try.</summary>
internal sealed class DemoFailedException(string message) : Exception(message);
