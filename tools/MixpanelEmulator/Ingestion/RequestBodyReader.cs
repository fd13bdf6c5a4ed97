using System.IO.Compression;

namespace MixpanelSync.MixpanelEmulator;

/// <summary>
/// Reads a request body into a pooled buffer, decompressing gzip on the fly. Reading stops as soon as the
/// uncompressed size passes the cap, so a small gzip bomb cannot inflate into memory.
/// </summary>
internal static class RequestBodyReader
{
    private const int ReadChunkBytes = 64 * 1024;

    public static async Task<RequestBody> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancel)
    {
        var encoding = ParseEncoding(request.Headers.ContentEncoding.ToString());
        if (encoding == BodyEncoding.Unsupported)
        {
            return RequestBody.Failed(0, RequestBodyStatus.UnsupportedEncoding);
        }

        if (encoding == BodyEncoding.Identity && request.ContentLength > maxBytes)
        {
            return RequestBody.Failed(request.ContentLength.Value, RequestBodyStatus.TooLarge);
        }

        var counting = new CountingReadStream(request.Body);
        var source = encoding == BodyEncoding.Gzip
            ? new GZipStream(counting, CompressionMode.Decompress, leaveOpen: true)
            : (Stream)counting;
        await using (source)
        {
            return await ReadCappedAsync(
                source,
                counting,
                InitialCapacity(request, encoding, maxBytes),
                maxBytes,
                cancel);
        }
    }

    private static async Task<RequestBody> ReadCappedAsync(
        Stream source,
        CountingReadStream counting,
        int initialCapacity,
        long maxBytes,
        CancellationToken cancel)
    {
        var buffer = new PooledBuffer(initialCapacity);
        try
        {
            while (true)
            {
                var read = await source.ReadAsync(buffer.GetFreeMemory(ReadChunkBytes), cancel);
                if (read == 0)
                {
                    return RequestBody.Read(buffer, counting.BytesRead);
                }

                buffer.Advance(read);
                if (buffer.Length > maxBytes)
                {
                    buffer.Dispose();
                    return RequestBody.Failed(counting.BytesRead, RequestBodyStatus.TooLarge);
                }
            }
        }
        catch (InvalidDataException)
        {
            buffer.Dispose();
            return RequestBody.Failed(counting.BytesRead, RequestBodyStatus.InvalidGzip);
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    private static int InitialCapacity(HttpRequest request, BodyEncoding encoding, long maxBytes)
    {
        var declared = request.ContentLength ?? ReadChunkBytes;
        var expected = encoding == BodyEncoding.Gzip ? declared * 8 : declared;
        return (int)Math.Min(Math.Min(expected, maxBytes + 1), 16 * 1024 * 1024) + 1;
    }

    private static BodyEncoding ParseEncoding(string contentEncoding)
    {
        var value = contentEncoding.Trim();
        if (value.Length == 0 || value.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            return BodyEncoding.Identity;
        }

        if (value.Equals("gzip", StringComparison.OrdinalIgnoreCase)
            || value.Equals("x-gzip", StringComparison.OrdinalIgnoreCase))
        {
            return BodyEncoding.Gzip;
        }

        return BodyEncoding.Unsupported;
    }

    private enum BodyEncoding
    {
        Identity,
        Gzip,
        Unsupported,
    }
}
