using System.Text.Json;

namespace MixpanelSync.Mixpanel;

internal sealed partial class EventWriter
{
    private bool WriteJsonElement(JsonElement element, int level)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                WriteText(JsonStrings.GetString(element), TextRole.Value);
                return true;
            case JsonValueKind.Number when element.TryGetInt64(out var integer):
                _json.WriteNumberValue(integer);
                return true;
            case JsonValueKind.Number when element.TryGetDouble(out var number):
                return WriteDouble(number);
            case JsonValueKind.True:
                _json.WriteBooleanValue(true);
                return true;
            case JsonValueKind.False:
                _json.WriteBooleanValue(false);
                return true;
            case JsonValueKind.Null:
                _json.WriteNullValue();
                return true;
            case JsonValueKind.Object:
            case JsonValueKind.Array:
                return WriteContainer(element, level);
            default:
                return Reject(
                    ValidationCode.UnsupportedValueType,
                    _path.Format(),
                    $"The JSON value of kind {element.ValueKind} has no JSON form here.");
        }
    }
}
