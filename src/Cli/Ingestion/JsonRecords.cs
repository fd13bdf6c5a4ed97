using System.Runtime.CompilerServices;
using System.Text.Json;

namespace MixpanelSync.Cli.Ingestion;

/// <summary>Reads the elements of a JSON file of brand events as raw JSON text, one element at a time.</summary>
internal static class JsonRecords
{
    /// <summary>
    /// Yields the elements of a top-level array as they stream in. A top-level object yields the elements of its
    /// <c>events</c> array, or itself when it has none, as the ingestion endpoint reads it.
    /// </summary>
    /// <exception cref="CliException">The file is not valid JSON.</exception>
    public static async IAsyncEnumerable<string> ReadArrayAsync(
        string file,
        Stream stream,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (FirstNonBlankByte(file) != '[')
        {
            foreach (var element in await ReadDocumentAsync(file, stream, cancellationToken))
            {
                yield return element;
            }

            yield break;
        }

        var elements = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(
            stream,
            cancellationToken: cancellationToken);
        await using var enumerator = elements.GetAsyncEnumerator(cancellationToken);
        long count = 0;
        while (true)
        {
            try
            {
                if (!await enumerator.MoveNextAsync())
                {
                    yield break;
                }
            }
            catch (JsonException exception)
            {
                throw Invalid(file, $"after element {count}", exception);
            }

            count++;
            yield return enumerator.Current.GetRawText();
        }
    }

    private static async Task<List<string>> ReadDocumentAsync(
        string file,
        Stream stream,
        CancellationToken cancellationToken)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("events", out var events)
                && events.ValueKind == JsonValueKind.Array)
            {
                return [.. events.EnumerateArray().Select(element => element.GetRawText())];
            }

            return [root.GetRawText()];
        }
        catch (JsonException exception)
        {
            throw Invalid(file, "", exception);
        }
    }

    private static int FirstNonBlankByte(string file)
    {
        using var stream = File.OpenRead(file);
        int value;
        while ((value = stream.ReadByte()) >= 0)
        {
            // Skips whitespace and the bytes of a UTF-8 byte order mark (EF BB BF).
            if (value is not (' ' or '\t' or '\r' or '\n' or 0xEF or 0xBB or 0xBF))
            {
                return value;
            }
        }

        return -1;
    }

    private static CliException Invalid(string file, string where, JsonException exception) =>
        CliException.Usage(
            $"'{file}' is not valid JSON{(where.Length == 0 ? "" : " " + where)}: {exception.Message} Fix the file, "
            + "or send one event a line with --format ndjson.");
}
