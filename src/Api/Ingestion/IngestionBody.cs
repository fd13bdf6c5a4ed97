using System.Buffers;
using System.IO.Compression;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace MixpanelSync.Api.Ingestion;

/// <summary>
/// The decoded body of an ingestion request, read whole into a pooled buffer up to the uncompressed limit, or the
/// problem that stopped the read. Dispose it once its events are parsed.
/// </summary>
internal sealed class IngestionBody : IDisposable
{
    private const int InitialSize = 81_920;

    private static readonly string[] NdjsonMediaTypes =
        ["application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonlines"];

    private byte[]? _buffer;
    private readonly int _length;

    private IngestionBody(IngestionFormat format, byte[] buffer, int length)
    {
        Format = format;
        _buffer = buffer;
        _length = length;
    }

    public IngestionFormat Format { get; }

    /// <summary>The uncompressed UTF-8 bytes, valid until the body is disposed.</summary>
    public ReadOnlyMemory<byte> Content =>
        _buffer is { } buffer ? buffer.AsMemory(0, _length) : throw new ObjectDisposedException(nameof(IngestionBody));

    /// <summary>Returns the buffer to the shared pool.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads and, for <c>Content-Encoding: gzip</c>, decompresses the body.</summary>
    /// <returns>
    /// The body, or a problem: 415 for an unsupported type or encoding, 413 over the limit, 400 for bad gzip.
    /// </returns>
    public static async Task<(IngestionBody? Body, ProblemHttpResult? Problem)> ReadAsync(
        HttpRequest request,
        long maxUncompressedBytes,
        CancellationToken cancellationToken)
    {
        if (FormatOf(request.ContentType) is not { } format)
        {
            return (null, UnsupportedMediaType(
                $"The Content-Type '{request.ContentType}' is not supported. Send application/json for a JSON "
                + "array or application/x-ndjson for one event a line."));
        }

        var encoding = request.Headers[HeaderNames.ContentEncoding].ToString().Trim();
        Stream source;
        if (encoding.Length == 0 || encoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            source = request.Body;
        }
        else if (encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase))
        {
            source = new GZipStream(request.Body, CompressionMode.Decompress, leaveOpen: true);
        }
        else
        {
            return (null, UnsupportedMediaType(
                $"The Content-Encoding '{encoding}' is not supported. Send the body uncompressed or with gzip."));
        }

        await using (source)
        {
            return await CopyAsync(source, format, maxUncompressedBytes, cancellationToken);
        }
    }

    private static async Task<(IngestionBody? Body, ProblemHttpResult? Problem)> CopyAsync(
        Stream source,
        IngestionFormat format,
        long maxUncompressedBytes,
        CancellationToken cancellationToken)
    {
        // The body grows in a buffer rented from the shared pool, which Dispose returns once the events are parsed.
        // A body of thousands of events is megabytes, and each fresh array of that size is allocated on the large
        // object heap and brings the next full (gen 2) garbage collection closer.
        var buffer = ArrayPool<byte>.Shared.Rent(InitialSize);
        var length = 0;
        try
        {
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
            {
                length += read;
                if (length > maxUncompressedBytes)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return (null, TooLarge(maxUncompressedBytes));
                }

                if (length == buffer.Length)
                {
                    buffer = Grow(buffer, length);
                }
            }

            return (new IngestionBody(format, buffer, length), null);
        }
        catch (BadHttpRequestException exception)
            when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return (null, TooLarge(maxUncompressedBytes));
        }
        catch (InvalidDataException)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return (null, TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Bad Request",
                detail: "The body is not valid gzip although Content-Encoding is gzip. Compress it with gzip, "
                    + "or leave out the Content-Encoding header."));
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    private static byte[] Grow(byte[] buffer, int length)
    {
        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
        buffer.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }

    private static IngestionFormat? FormatOf(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType) || mediaType.MediaType.Value is not { } name)
        {
            return null;
        }

        if (name.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return IngestionFormat.JsonArray;
        }

        return NdjsonMediaTypes.Contains(name, StringComparer.OrdinalIgnoreCase) ? IngestionFormat.Ndjson : null;
    }

    private static ProblemHttpResult TooLarge(long maxUncompressedBytes) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Payload Too Large",
        detail: $"The body is larger than {maxUncompressedBytes} bytes uncompressed. "
            + "Split the events over several requests.");

    private static ProblemHttpResult UnsupportedMediaType(string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status415UnsupportedMediaType,
        title: "Unsupported Media Type",
        detail: detail);
}
