using System.Buffers;
using System.Text;

namespace MixpanelSync.Cli.Ingestion;

/// <summary>
/// The NDJSON body of one ingestion request and the input record number of each line, so that the service's
/// 0-based indexes map back to lines of the input.
/// </summary>
internal sealed class IngestBatch(int maxEvents, int maxBytes)
{
    private readonly ArrayBufferWriter<byte> _body = new();
    private readonly List<long> _recordNumbers = [];

    public int Count => _recordNumbers.Count;

    public ReadOnlyMemory<byte> Body => _body.WrittenMemory;

    /// <summary>
    /// Returns whether a record of <paramref name="byteCount"/> bytes fits. Any record fits an empty batch.
    /// </summary>
    public bool Fits(int byteCount) =>
        Count == 0 || (Count < maxEvents && _body.WrittenCount + byteCount + 1 <= maxBytes);

    public void Add(long recordNumber, byte[] json)
    {
        _body.Write(json);
        _body.Write("\n"u8);
        _recordNumbers.Add(recordNumber);
    }

    /// <summary>Returns the input record number of the line at a 0-based index of the body.</summary>
    public long RecordNumberAt(int index) =>
        index >= 0 && index < _recordNumbers.Count ? _recordNumbers[index] : -1;

    public void Clear()
    {
        _body.Clear();
        _recordNumbers.Clear();
    }

    public static byte[] Encode(string json) => Encoding.UTF8.GetBytes(json.Trim());
}
