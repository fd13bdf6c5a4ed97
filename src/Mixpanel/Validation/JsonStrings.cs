using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace MixpanelSync.Mixpanel;

/// <summary>Reads JSON strings without throwing on invalid UTF-8 or escaped unpaired surrogates.</summary>
internal static class JsonStrings
{
    /// <summary>
    /// Returns the string value of the element. Invalid UTF-8 and unpaired surrogates, which make
    /// <see cref="JsonElement.GetString"/> throw, become U+FFFD.
    /// </summary>
    public static string GetString(JsonElement element)
    {
        try
        {
            return element.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            return TextRepair.ReplaceLoneSurrogates(DecodeLeniently(JsonMarshal.GetRawUtf8Value(element)));
        }
    }

    /// <summary>Returns the property name, repaired as in <see cref="GetString(JsonElement)"/>.</summary>
    public static string GetName(JsonProperty property)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            return TextRepair.ReplaceLoneSurrogates(DecodeLeniently(JsonMarshal.GetRawUtf8PropertyName(property)));
        }
    }

    private static string DecodeLeniently(ReadOnlySpan<byte> raw)
    {
        if (raw.Length >= 2 && raw[0] == (byte)'"' && raw[^1] == (byte)'"')
        {
            raw = raw[1..^1];
        }

        var text = new StringBuilder(raw.Length);
        while (!raw.IsEmpty)
        {
            var backslash = raw.IndexOf((byte)'\\');
            if (backslash < 0 || backslash + 1 >= raw.Length)
            {
                text.Append(Encoding.UTF8.GetString(raw));
                break;
            }

            text.Append(Encoding.UTF8.GetString(raw[..backslash]));
            raw = raw[backslash..];
            raw = raw[AppendEscape(raw, text)..];
        }

        return text.ToString();
    }

    private static int AppendEscape(ReadOnlySpan<byte> escape, StringBuilder text)
    {
        switch ((char)escape[1])
        {
            case 'b':
                text.Append('\b');
                return 2;
            case 'f':
                text.Append('\f');
                return 2;
            case 'n':
                text.Append('\n');
                return 2;
            case 'r':
                text.Append('\r');
                return 2;
            case 't':
                text.Append('\t');
                return 2;
            case 'u' when escape.Length >= 6 && TryParseHex(escape.Slice(2, 4), out var code):
                text.Append((char)code);
                return 6;
            default:
                text.Append((char)escape[1]);
                return 2;
        }
    }

    private static bool TryParseHex(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        foreach (var digit in digits)
        {
            var nibble = HexConverter(digit);
            if (nibble < 0)
            {
                return false;
            }

            value = (value << 4) | nibble;
        }

        return true;
    }

    private static int HexConverter(byte digit) => digit switch
    {
        >= (byte)'0' and <= (byte)'9' => digit - '0',
        >= (byte)'a' and <= (byte)'f' => digit - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => digit - 'A' + 10,
        _ => -1,
    };
}
