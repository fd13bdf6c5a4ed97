using System.Collections.Concurrent;
using System.Text.Json;
using MixpanelSync.Events.Schema;

namespace MixpanelSync.Events;

/// <summary>
/// Shares one string instance for short JSON strings that repeat across stored events, such as property names,
/// event types and operating systems, so that reading millions of events does not allocate each of them again.
/// </summary>
/// <remarks>
/// The pool starts with the schema's types and property names and takes up to <see cref="MaxEntries"/> more, the
/// first ones read. Past that, strings are allocated as usual, so ids read into a full pool cost nothing extra.
/// </remarks>
internal static class RepeatedStrings
{
    /// <summary>Strings longer than this, in UTF-8 bytes as stored, are never pooled.</summary>
    public const int MaxLength = 64;

    /// <summary>The max number of strings the pool takes beyond the schema's.</summary>
    public const int MaxEntries = 4096;

    private static readonly ConcurrentDictionary<string, string> Pool = CreatePool();
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Pool.GetAlternateLookup<ReadOnlySpan<char>>();

    private static int _added;

    /// <summary>Reads the string or property name that the reader is on.</summary>
    public static string Read(ref Utf8JsonReader reader)
    {
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > MaxLength)
        {
            return reader.GetString()!;
        }

        // Unescaped UTF-16 text is never longer, in chars, than its escaped UTF-8 form is in bytes.
        Span<char> buffer = stackalloc char[MaxLength];
        var text = buffer[..reader.CopyString(buffer)];
        if (Lookup.TryGetValue(text, out var pooled))
        {
            return pooled;
        }

        var created = new string(text);
        if (Volatile.Read(ref _added) < MaxEntries && Pool.TryAdd(created, created))
        {
            Interlocked.Increment(ref _added);
        }

        return created;
    }

    private static ConcurrentDictionary<string, string> CreatePool()
    {
        var pool = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        foreach (var definition in EventSchema.Types)
        {
            pool.TryAdd(definition.Type, definition.Type);
            foreach (var property in definition.Properties)
            {
                pool.TryAdd(property.Name, property.Name);
            }
        }

        return pool;
    }
}
