using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace MixpanelSync.Mixpanel;

/// <summary>
/// Deterministic <c>$insert_id</c> values. Mixpanel deduplicates events whose name, <c>distinct_id</c>,
/// <c>time</c> and <c>$insert_id</c> all match, so an id derived from the source event makes every resend of
/// that event count once.
/// </summary>
public static class InsertIds
{
    /// <summary>The length of the ids made here: 32 lowercase hexadecimal characters (128 bits of SHA-256).</summary>
    public const int Length = 32;

    private const byte SourceEventDomain = 1;
    private const byte DerivedDomain = 2;
    private const byte ContentDomain = 3;
    private const int StackLimit = 512;

    /// <summary>
    /// Creates the <c>$insert_id</c> of a brand's event: the first 32 hex characters of SHA-256 over the
    /// length-prefixed UTF-8 brand id and source event id.
    /// </summary>
    /// <param name="brandId">The brand that owns the event.</param>
    /// <param name="sourceEventId">The brand-unique id of the source event.</param>
    /// <returns>An id that matches <c>[0-9a-f]{32}</c>.</returns>
    /// <exception cref="ArgumentException">Either argument is null or empty.</exception>
    public static string Create(string brandId, string sourceEventId)
    {
        ArgumentException.ThrowIfNullOrEmpty(brandId);
        ArgumentException.ThrowIfNullOrEmpty(sourceEventId);
        return Hash(SourceEventDomain, brandId, sourceEventId);
    }

    /// <summary>
    /// Derives a valid <c>$insert_id</c> from a value that is not one, such as a source id with a colon or one
    /// longer than 36 characters. Equal inputs give equal ids.
    /// </summary>
    /// <param name="value">The original value.</param>
    /// <returns>An id that matches <c>[0-9a-f]{32}</c>.</returns>
    public static string Derive(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Hash(DerivedDomain, value, second: null);
    }

    /// <summary>Derives an id from an event's raw JSON, for input files whose events carry none.</summary>
    internal static string DeriveFromContent(ReadOnlySpan<byte> json)
    {
        var buffer = new byte[json.Length + 1];
        buffer[0] = ContentDomain;
        json.CopyTo(buffer.AsSpan(1));
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer, digest);
        return Convert.ToHexStringLower(digest[..(Length / 2)]);
    }

    /// <summary>Returns whether the value matches <c>[A-Za-z0-9-]{1,36}</c>, the form Mixpanel accepts.</summary>
    public static bool IsWellFormed(string? value) =>
        value is { Length: > 0 and <= MixpanelLimits.MaxInsertIdLength }
        && !value.AsSpan().ContainsAnyExcept(AllowedCharacters);

    private static readonly SearchValues<char> AllowedCharacters =
        SearchValues.Create("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-");

    private static string Hash(byte domain, string first, string? second)
    {
        var size = 1 + 4 + Encoding.UTF8.GetMaxByteCount(first.Length);
        if (second is not null)
        {
            size += 4 + Encoding.UTF8.GetMaxByteCount(second.Length);
        }

        byte[]? rented = null;
        var buffer = size <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(size));
        try
        {
            buffer[0] = domain;
            var length = 1 + WriteLengthPrefixed(first, buffer[1..]);
            if (second is not null)
            {
                length += WriteLengthPrefixed(second, buffer[length..]);
            }

            Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer[..length], digest);
            return Convert.ToHexStringLower(digest[..(Length / 2)]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static int WriteLengthPrefixed(string value, Span<byte> destination)
    {
        var written = Encoding.UTF8.GetBytes(value, destination[4..]);
        BinaryPrimitives.WriteInt32BigEndian(destination, written);
        return 4 + written;
    }
}
