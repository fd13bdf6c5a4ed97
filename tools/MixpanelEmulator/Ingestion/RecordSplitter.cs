using System.Text.Json;

namespace MixpanelSync.MixpanelEmulator;

/// <summary>
/// Finds the records of a JSON body: the elements of one top-level array, or whitespace-separated top-level values
/// (NDJSON, or a single object). Checks JSON syntax but not UTF-8, so an event with a bad string can be reported
/// on its own instead of failing the whole request.
/// </summary>
internal static class RecordSplitter
{
    private static readonly JsonReaderOptions ReaderOptions = new() { AllowMultipleValues = true, MaxDepth = 64 };

    /// <summary>
    /// Adds the byte range of each record to <paramref name="records"/>, stopping after
    /// <paramref name="maxRecords"/> + 1 so an oversized request is detected without reading it all.
    /// </summary>
    /// <returns><see langword="null"/> on success, otherwise why the body is not valid JSON.</returns>
    public static string? Split(ReadOnlySpan<byte> body, List<Range> records, int maxRecords)
    {
        var reader = new Utf8JsonReader(body, ReaderOptions);
        try
        {
            if (!reader.Read())
            {
                return "request body is empty; expected a JSON array or newline-delimited JSON objects";
            }

            return reader.TokenType == JsonTokenType.StartArray
                ? SplitArray(ref reader, records, maxRecords)
                : SplitValues(ref reader, records, maxRecords);
        }
        catch (JsonException exception)
        {
            return "unable to parse request body as JSON: " + exception.Message;
        }
    }

    private static string? SplitArray(ref Utf8JsonReader reader, List<Range> records, int maxRecords)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            AddRecord(ref reader, records);
            if (records.Count > maxRecords)
            {
                return null;
            }
        }

        return reader.Read() ? "unexpected data after the JSON array" : null;
    }

    private static string? SplitValues(ref Utf8JsonReader reader, List<Range> records, int maxRecords)
    {
        do
        {
            AddRecord(ref reader, records);
            if (records.Count > maxRecords)
            {
                return null;
            }
        }
        while (reader.Read());

        return null;
    }

    private static void AddRecord(ref Utf8JsonReader reader, List<Range> records)
    {
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        records.Add(new Range(start, (int)reader.BytesConsumed));
    }
}
