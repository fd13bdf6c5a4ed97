using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Web;

namespace MixpanelSync.MixpanelEmulator;

/// <summary>
/// Decodes the legacy <c>data</c> parameter, which contains the payload as plain JSON or as padded standard base64 of
/// the JSON. Plain JSON is tried first.
/// </summary>
internal static class DataParameter
{
    /// <summary>
    /// Finds <c>data</c> in a form-urlencoded body and returns its decoded JSON, or null when absent.
    /// </summary>
    public static byte[]? FromForm(ReadOnlySpan<byte> form)
    {
        foreach (var pair in form.Split((byte)'&'))
        {
            var field = form[pair];
            if (!field.StartsWith("data="u8))
            {
                continue;
            }

            var value = field["data="u8.Length..];
            return DecodePayload(HttpUtility.UrlDecodeToBytes(value.ToArray()));
        }

        return null;
    }

    /// <summary>Whether a body is plain JSON (starts with '[' or '{'), though it may be labelled as a form.</summary>
    public static bool LooksLikeJson(ReadOnlySpan<byte> body)
    {
        var trimmed = body.TrimStart(" \t\r\n"u8);
        return trimmed.Length > 0 && trimmed[0] is (byte)'[' or (byte)'{';
    }

    /// <summary>Returns the JSON held by an already URL-decoded <c>data</c> value.</summary>
    public static byte[] FromQueryValue(string value) => DecodePayload(Encoding.UTF8.GetBytes(value));

    /// <summary>Returns the JSON itself, or the base64-decoded bytes, or an empty array when neither fits.</summary>
    private static byte[] DecodePayload(byte[] value)
    {
        if (LooksLikeJson(value))
        {
            return value;
        }

        // Clients that put base64 into a form body without URL-encoding it lose '+' to form decoding as ' '.
        var base64 = value.AsSpan().Trim(" \t\r\n"u8).ToArray();
        base64.AsSpan().Replace((byte)' ', (byte)'+');
        var decoded = new byte[Base64.GetMaxDecodedFromUtf8Length(base64.Length)];
        var status = Base64.DecodeFromUtf8(base64, decoded, out _, out var written);
        return status == OperationStatus.Done ? decoded[..written] : [];
    }
}
