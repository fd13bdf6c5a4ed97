using System.IO.Compression;

namespace MixpanelSync.Mixpanel;

/// <summary>Gzip compression of request bodies into exact-size arrays.</summary>
internal static class Gzip
{
    public static byte[] Compress(ReadOnlySpan<byte> body, CompressionLevel level)
    {
        using var output = new PooledBufferWriter(Math.Max(body.Length / 4, 1024));
        using (var stream = new GZipStream(new BufferWriterStream(output), level))
        {
            stream.Write(body);
        }

        return output.WrittenSpan.ToArray();
    }

    /// <exception cref="InvalidDataException">The data is not gzip or not of the expected length.</exception>
    public static byte[] Decompress(ReadOnlySpan<byte> gzipped, long expectedLength)
    {
        var body = new byte[expectedLength];
        using var input = new MemoryStream(gzipped.ToArray());
        using var stream = new GZipStream(input, CompressionMode.Decompress);
        stream.ReadExactly(body);
        if (stream.ReadByte() >= 0)
        {
            throw new InvalidDataException($"The gzip body is longer than the expected {expectedLength} bytes.");
        }

        return body;
    }
}
