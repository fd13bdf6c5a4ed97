namespace MixpanelSync.MixpanelEmulator;

/// <summary>A request body after decompression, or the reason it could not be read.</summary>
internal sealed class RequestBody : IDisposable
{
    private RequestBody(PooledBuffer? buffer, long wireBytes, RequestBodyStatus status)
    {
        Buffer = buffer;
        WireBytes = wireBytes;
        Status = status;
    }

    public RequestBodyStatus Status { get; }

    /// <summary>Bytes received on the connection: compressed when the body is gzipped.</summary>
    public long WireBytes { get; }

    public PooledBuffer? Buffer { get; }

    public ReadOnlySpan<byte> Span => Buffer is null ? [] : Buffer.Span;

    public ReadOnlyMemory<byte> Memory => Buffer is null ? ReadOnlyMemory<byte>.Empty : Buffer.Memory;

    public int Length => Buffer?.Length ?? 0;

    public static RequestBody Read(PooledBuffer buffer, long wireBytes) =>
        new(buffer, wireBytes, RequestBodyStatus.Read);

    public static RequestBody Failed(long wireBytes, RequestBodyStatus status) => new(null, wireBytes, status);

    public void Dispose() => Buffer?.Dispose();
}
