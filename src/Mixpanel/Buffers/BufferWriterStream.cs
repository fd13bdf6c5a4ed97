namespace MixpanelSync.Mixpanel;

/// <summary>A write-only stream that appends to a <see cref="PooledBufferWriter"/>.</summary>
internal sealed class BufferWriterStream(PooledBufferWriter output) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => output.WrittenCount;

    public override long Position
    {
        get => output.WrittenCount;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => output.Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer) => output.Write(buffer);

    public override void WriteByte(byte value) => output.WriteByte(value);

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
