using System.Text.Json;

namespace MixpanelSync.Mixpanel;

/// <summary>The parts of a Mixpanel JSON response that delivery acts on.</summary>
internal sealed class ImportResponse
{
    public int? Code { get; private init; }

    /// <summary>The <c>status</c> field when it is a string, such as <c>OK</c> from <c>/import</c>.</summary>
    public string? StatusText { get; private init; }

    /// <summary>The <c>status</c> field when it is a number: 1 or 0 from <c>/track</c> and <c>/engage</c>.</summary>
    public int? StatusNumber { get; private init; }

    public string? Error { get; private init; }

    public int? NumRecordsImported { get; private init; }

    public IReadOnlyList<FailedRecord> FailedRecords { get; private init; } = [];

    /// <summary>
    /// Parses a response body, or returns <see langword="null"/> when it is not a JSON object (an HTML error page
    /// from a proxy, an empty body or a bare <c>1</c>).
    /// </summary>
    public static ImportResponse? Parse(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object ? FromObject(root) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ImportResponse FromObject(JsonElement root) => new()
    {
        Code = ReadInt(root, "code"),
        StatusText = root.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String
            ? JsonStrings.GetString(status)
            : null,
        StatusNumber = ReadInt(root, "status"),
        Error = ReadString(root, "error"),
        NumRecordsImported = ReadInt(root, "num_records_imported"),
        FailedRecords = ReadFailedRecords(root),
    };

    private static List<FailedRecord> ReadFailedRecords(JsonElement root)
    {
        var records = new List<FailedRecord>();
        if (!root.TryGetProperty("failed_records", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return records;
        }

        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || ReadInt(item, "index") is not { } index)
            {
                continue;
            }

            // Mixpanel's schema names the key "insert_id"; its prose example uses "$insert_id".
            var insertId = ReadString(item, "insert_id") ?? ReadString(item, "$insert_id");
            records.Add(new FailedRecord(index, insertId, ReadString(item, "field"), ReadString(item, "message")));
        }

        return records;
    }

    private static int? ReadInt(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            && value.TryGetInt32(out var number)
            ? number
            : null;

    private static string? ReadString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? JsonStrings.GetString(value)
            : null;
}
