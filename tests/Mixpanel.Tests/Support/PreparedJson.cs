using System.Text;
using System.Text.Json;

namespace MixpanelSync.Mixpanel.Tests;

/// <summary>Runs the event writer and parses what it wrote.</summary>
internal static class PreparedJson
{
    public static (EventValidationResult Result, JsonElement? Json, string Text) Write(
        MixpanelEvent mixpanelEvent,
        MixpanelValidationOptions? options = null,
        MixpanelIngestionEndpoint endpoint = MixpanelIngestionEndpoint.Import,
        string? projectToken = null)
    {
        var writer = new EventWriter(options ?? new MixpanelValidationOptions());
        using var output = new PooledBufferWriter();
        var context = new EventWriteContext(endpoint, TestEvents.Now.ToUnixTimeMilliseconds(), projectToken);
        var result = writer.Write(mixpanelEvent, output, context);
        if (!result.IsAccepted)
        {
            return (result, null, string.Empty);
        }

        var bytes = output.WrittenSpan.ToArray();
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        using var document = JsonDocument.Parse(bytes);
        return (result, document.RootElement.Clone(), text);
    }

    public static JsonElement Properties(this JsonElement? json) => json!.Value.GetProperty("properties");
}
