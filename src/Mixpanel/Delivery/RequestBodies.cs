using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;

namespace MixpanelSync.Mixpanel;

/// <summary>Builds request bodies and their content headers.</summary>
internal static class RequestBodies
{
    /// <summary>Wraps the prepared gzipped NDJSON body for <c>/import</c>.</summary>
    public static HttpContent ImportContent(ReadOnlyMemory<byte> gzippedBody) =>
        Gzipped(gzippedBody, "application/x-ndjson");

    /// <summary>Wraps a gzipped form body for <c>/track</c> or <c>/engage</c>.</summary>
    public static HttpContent FormContent(ReadOnlyMemory<byte> gzippedBody) =>
        Gzipped(gzippedBody, "application/x-www-form-urlencoded");

    /// <summary>
    /// Turns an NDJSON body into the gzipped form body <c>data=[...]</c> that <c>/track</c> and <c>/engage</c>
    /// document.
    /// </summary>
    public static byte[] NdjsonToForm(ReadOnlySpan<byte> ndjson)
    {
        using var array = new PooledBufferWriter(ndjson.Length + 16);
        array.WriteByte((byte)'[');
        var first = true;
        foreach (var line in ndjson.Split((byte)'\n'))
        {
            var json = ndjson[line];
            if (json.IsEmpty)
            {
                continue;
            }

            if (!first)
            {
                array.WriteByte((byte)',');
            }

            array.Write(json);
            first = false;
        }

        array.WriteByte((byte)']');
        return JsonToForm(array.WrittenSpan);
    }

    /// <summary>Percent-encodes the JSON as the <c>data</c> field of a form and gzips the result.</summary>
    public static byte[] JsonToForm(ReadOnlySpan<byte> json)
    {
        using var form = new PooledBufferWriter((json.Length * 2) + 8);
        form.Write("data="u8);
        Span<byte> escape = stackalloc byte[3];
        foreach (var b in json)
        {
            if (IsUnreserved(b))
            {
                form.WriteByte(b);
                continue;
            }

            escape[0] = (byte)'%';
            escape[1] = (byte)HexDigits[b >> 4];
            escape[2] = (byte)HexDigits[b & 0xF];
            form.Write(escape);
        }

        return Gzip.Compress(form.WrittenSpan, CompressionLevel.Fastest);
    }

    /// <summary>Returns the value of the Basic <c>Authorization</c> header for a user and password.</summary>
    public static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));

    private const string HexDigits = "0123456789ABCDEF";

    private static bool IsUnreserved(byte b) =>
        b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9')
            or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~';

    private static ReadOnlyMemoryContent Gzipped(ReadOnlyMemory<byte> body, string mediaType)
    {
        var content = new ReadOnlyMemoryContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        content.Headers.ContentEncoding.Add("gzip");
        return content;
    }
}
