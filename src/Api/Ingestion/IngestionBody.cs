using System.Buffers;
using System.IO.Compression;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace MixpanelSync.Api.Ingestion;

/// <summary>
/// The decoded body of an ingestion request, read whole into memory up to the uncompressed limit, or the problem
/// that stopped the read.
/// </summary>
internal sealed class IngestionBody
{
    private const int ChunkSize = 81_920;

    private static readonly string[] NdjsonMediaTypes =
        ["application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonlines"];

    private IngestionBody(IngestionFormat format, byte[] content)
    {
        Format = format;
        Content = content;
    }

    public IngestionFormat Format { get; }

    /// <summary>The uncompressed UTF-8 bytes.</summary>
    public byte[] Content { get; }

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
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            using var content = new MemoryStream();
            int read;
            while ((read = await source.ReadAsync(chunk.AsMemory(0, ChunkSize), cancellationToken)) > 0)
            {
                if (content.Length + read > maxUncompressedBytes)
                {
                    return (null, TooLarge(maxUncompressedBytes));
                }

                content.Write(chunk, 0, read);
            }

            return (new IngestionBody(format, content.ToArray()), null);
        }
        catch (BadHttpRequestException exception)
            when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(maxUncompressedBytes));
        }
        catch (InvalidDataException)
        {
            return (null, TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Bad Request",
                detail: "The body is not valid gzip although Content-Encoding is gzip. Compress it with gzip, "
                    + "or leave out the Content-Encoding header."));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
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
