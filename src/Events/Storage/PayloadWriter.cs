using System.Buffers;
using System.Text.Json;

namespace MixpanelSync.Events.Storage;

/// <summary>Serializes events to their stored JSON text with one reused buffer and writer. Not thread-safe.</summary>
internal sealed class PayloadWriter : IDisposable
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _writer;

    public PayloadWriter() => _writer = new Utf8JsonWriter(_buffer);

    public string Serialize(BrandEvent brandEvent) => BrandEventJson.Serialize(brandEvent, _buffer, _writer);

    public void Dispose() => _writer.Dispose();
}
