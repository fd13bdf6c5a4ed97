using System.Buffers;

namespace MixpanelSync.MixpanelEmulator;

/// <summary>A growable byte buffer rented from <see cref="ArrayPool{T}.Shared"/>; dispose to return it.</summary>
internal sealed class PooledBuffer : IDisposable
{
    private byte[] _array;

    public PooledBuffer(int initialCapacity)
    {
        _array = ArrayPool<byte>.Shared.Rent(Math.Max(initialCapacity, 256));
    }

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Span => _array.AsSpan(0, Length);

    public ReadOnlyMemory<byte> Memory => _array.AsMemory(0, Length);

    /// <summary>Returns writable space of at least <paramref name="minimum"/> bytes after the written data.</summary>
    public Memory<byte> GetFreeMemory(int minimum)
    {
        if (_array.Length - Length < minimum)
        {
            Grow(Length + minimum);
        }

        return _array.AsMemory(Length);
    }

    public void Advance(int count) => Length += count;

    public void Dispose()
    {
        var array = _array;
        _array = [];
        Length = 0;
        if (array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }

    private void Grow(int required)
    {
        var capacity = (int)Math.Min(Array.MaxLength, Math.Max(required, (long)_array.Length * 2));
        var larger = ArrayPool<byte>.Shared.Rent(capacity);
        _array.AsSpan(0, Length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_array);
        _array = larger;
    }
}
