using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MixpanelSync.Mixpanel;

/// <summary>
/// Reads one JSON record in a single pass and, when the validator would write it back unchanged apart from
/// whitespace and an appended <c>"ip":0</c>, returns its compact bytes as a <see cref="CompactEvent"/>. Every
/// other record, including malformed ones, gets <see langword="null"/> and takes the general path, which
/// produces the repairs, warnings and errors. Not thread-safe: each reader uses its own instance.
/// </summary>
/// <remarks>
/// A record qualifies when it is <c>{"event": name, "properties": {…}}</c> with nothing else at the top level;
/// all names and strings are printable ASCII without escapes and at most 255 characters; integers fit in 64 bits
/// and other numbers are already in shortest round-trip form; <c>time</c> is an integer in milliseconds;
/// <c>distinct_id</c> is a string and <c>$insert_id</c> a well-formed string or absent, neither a placeholder;
/// <c>ip</c>, when present, is not blank; no property Mixpanel reserves appears twice; no object has more than
/// 254 keys and no list more than 254 elements; and the event has at most 254 properties.
/// </remarks>
internal sealed class CompactEventScanner
{
    private const byte MinPrintable = 0x20;
    private const byte MaxPrintable = 0x7E;
    private const long MillisecondsLow = 1_000_000_000_000;
    private const long MillisecondsHigh = 10_000_000_000_000;
    private const int PropertyDepth = 2;
    private const int MaxContainerDepth = 64;

    private static ReadOnlySpan<byte> JsonBlanks => " \t\r\n"u8;

    // Room for what the record lacks: the compact form never exceeds the record plus a derived $insert_id.
    private const int Slack = 64;

    private byte[] _output = new byte[1024];
    private int _length;
    private readonly int[] _counts = new int[MaxContainerDepth];
    private readonly bool[] _isList = new bool[MaxContainerDepth];
    private bool _needsComma;

    /// <summary>Returns the record's compact form, or <see langword="null"/> when it does not qualify.</summary>
    public CompactEvent? TryScan(ReadOnlySpan<byte> record)
    {
        if (_output.Length < record.Length + Slack)
        {
            _output = new byte[Math.Max(record.Length + Slack, _output.Length * 2)];
        }

        _length = 0;
        _needsComma = false;
        try
        {
            return Scan(record);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private CompactEvent? Scan(ReadOnlySpan<byte> record)
    {
        var reader = new Utf8JsonReader(record, isFinalBlock: true, state: default);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        Write((byte)'{');
        if (!NextName(ref reader, "event"u8)
            || !reader.Read()
            || reader.TokenType != JsonTokenType.String
            || !IsPlainText(ref reader)
            || reader.ValueSpan.IndexOfAnyExcept((byte)' ') < 0)
        {
            return null;
        }

        CopyToken(ref reader);
        if (!NextName(ref reader, "properties"u8) || !reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        Write((byte)'{');
        if (!ScanProperties(ref reader, out var found))
        {
            return null;
        }

        var insertId = found.InsertId;
        if (insertId is null)
        {
            // Same id as the general reader derives: a hash of the record without surrounding blanks.
            insertId = InsertIds.DeriveFromContent(record.Trim(JsonBlanks));
            WriteName("$insert_id"u8);
            Write((byte)'"');
            _length += Encoding.ASCII.GetBytes(insertId, _output.AsSpan(_length));
            Write((byte)'"');
            _needsComma = true;
            found.Count++;
        }

        var addsIp = !found.HasIp;
        if (found.Count + (addsIp ? 1 : 0) > MixpanelLimits.MaxProperties
            || !reader.Read()
            || reader.TokenType != JsonTokenType.EndObject
            || reader.Read())
        {
            return null;
        }

        Write((byte)'}');
        Write((byte)'}');
        return new CompactEvent(_output.AsSpan(0, _length).ToArray(), found.Time, insertId, addsIp, found.DeepestLevel);
    }

    private struct Found
    {
        public int Count;
        public long Time;
        public bool HasTime;
        public bool HasDistinctId;
        public bool HasIp;
        public bool HasToken;
        public string? InsertId;
        public int DeepestLevel;
    }

    private bool ScanProperties(ref Utf8JsonReader reader, out Found found)
    {
        found = default;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                _needsComma = true;
                return found.HasTime && found.HasDistinctId;
            }

            if (!IsPlainText(ref reader))
            {
                return false;
            }

            found.Count++;
            var name = reader.ValueSpan;
            CopyToken(ref reader);
            if (!reader.Read() || !ScanProperty(ref reader, name, ref found))
            {
                return false;
            }
        }

        return false;
    }

    private bool ScanProperty(ref Utf8JsonReader reader, ReadOnlySpan<byte> name, ref Found found)
    {
        bool usable;
        if (name.SequenceEqual("time"u8))
        {
            usable = !found.HasTime && TryReadMilliseconds(ref reader, out found.Time);
            found.HasTime = true;
        }
        else if (name.SequenceEqual("distinct_id"u8))
        {
            usable = !found.HasDistinctId && IsUsableDistinctId(ref reader);
            found.HasDistinctId = true;
        }
        else if (name.SequenceEqual("$insert_id"u8))
        {
            usable = found.InsertId is null && TryReadInsertId(ref reader, out found.InsertId);
        }
        else if (name.SequenceEqual("ip"u8))
        {
            usable = !found.HasIp && !IsBlankIp(ref reader);
            found.HasIp = true;
        }
        else if (name.SequenceEqual("token"u8))
        {
            usable = !found.HasToken;
            found.HasToken = true;
        }
        else
        {
            usable = true;
        }

        return usable && CopyValue(ref reader, ref found.DeepestLevel);
    }

    // Copies the value at the reader, descending into objects and lists. Tracks the deepest container and counts
    // the keys of each object and the elements of each list.
    private bool CopyValue(ref Utf8JsonReader reader, ref int deepestLevel)
    {
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return CopyScalar(ref reader);
        }

        var baseDepth = reader.CurrentDepth;
        do
        {
            // At a container's start and end this is the container's depth below the value. Inside a container
            // it is one more than the container's depth.
            var depth = reader.CurrentDepth - baseDepth;
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    if (depth >= _counts.Length || (depth > 0 && !CountInList(depth - 1)))
                    {
                        return false;
                    }

                    _isList[depth] = reader.TokenType == JsonTokenType.StartArray;
                    _counts[depth] = 0;
                    deepestLevel = Math.Max(deepestLevel, reader.CurrentDepth - PropertyDepth + 1);
                    CopyToken(ref reader);
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    CopyToken(ref reader);
                    if (depth == 0)
                    {
                        return true;
                    }

                    break;
                case JsonTokenType.PropertyName:
                    if (!IsPlainText(ref reader) || ++_counts[depth - 1] > MixpanelLimits.MaxObjectKeys)
                    {
                        return false;
                    }

                    CopyToken(ref reader);
                    break;
                default:
                    if (!CountInList(depth - 1) || !CopyScalar(ref reader))
                    {
                        return false;
                    }

                    break;
            }
        }
        while (reader.Read());

        return false;
    }

    // Elements of a list are counted at their values, and keys of an object at their names.
    private bool CountInList(int container) =>
        !_isList[container] || ++_counts[container] <= MixpanelLimits.MaxArrayElements;

    private bool CopyScalar(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                if (!IsPlainText(ref reader))
                {
                    return false;
                }

                break;
            case JsonTokenType.Number:
                if (!IsShortestNumber(reader.ValueSpan))
                {
                    return false;
                }

                break;
        }

        CopyToken(ref reader);
        return true;
    }

    private void CopyToken(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                Separate();
                Write((byte)'{');
                _needsComma = false;
                break;
            case JsonTokenType.StartArray:
                Separate();
                Write((byte)'[');
                _needsComma = false;
                break;
            case JsonTokenType.EndObject:
                Write((byte)'}');
                _needsComma = true;
                break;
            case JsonTokenType.EndArray:
                Write((byte)']');
                _needsComma = true;
                break;
            case JsonTokenType.PropertyName:
                WriteName(reader.ValueSpan);
                break;
            case JsonTokenType.String:
                Separate();
                Write((byte)'"');
                Write(reader.ValueSpan);
                Write((byte)'"');
                _needsComma = true;
                break;
            default:
                Separate();
                Write(reader.ValueSpan);
                _needsComma = true;
                break;
        }
    }

    private void WriteName(ReadOnlySpan<byte> name)
    {
        Separate();
        Write((byte)'"');
        Write(name);
        Write((byte)'"');
        Write((byte)':');
        _needsComma = false;
    }

    private void Separate()
    {
        if (_needsComma)
        {
            Write((byte)',');
        }
    }

    private void Write(byte value) => _output[_length++] = value;

    private void Write(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_output.AsSpan(_length));
        _length += bytes.Length;
    }

    private bool NextName(ref Utf8JsonReader reader, ReadOnlySpan<byte> expected)
    {
        if (!reader.Read()
            || reader.TokenType != JsonTokenType.PropertyName
            || reader.ValueIsEscaped
            || !reader.ValueSpan.SequenceEqual(expected))
        {
            return false;
        }

        CopyToken(ref reader);
        return true;
    }

    // Printable ASCII without escapes is written back byte for byte by the validator's JSON writer.
    private static bool IsPlainText(ref Utf8JsonReader reader) =>
        !reader.ValueIsEscaped
        && reader.ValueSpan.Length <= MixpanelLimits.MaxStringLength
        && !reader.ValueSpan.ContainsAnyExceptInRange(MinPrintable, MaxPrintable);

    private static bool IsShortestNumber(ReadOnlySpan<byte> text)
    {
        if (text.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0)
        {
            return Utf8Parser.TryParse(text, out long _, out var used)
                && used == text.Length
                && !text.SequenceEqual("-0"u8);
        }

        if (!Utf8Parser.TryParse(text, out double number, out var consumed)
            || consumed != text.Length
            || !double.IsFinite(number))
        {
            return false;
        }

        Span<byte> shortest = stackalloc byte[32];
        return number.TryFormat(shortest, out var written, "R", CultureInfo.InvariantCulture)
            && shortest[..written].SequenceEqual(text);
    }

    private static bool TryReadMilliseconds(ref Utf8JsonReader reader, out long time)
    {
        time = 0;
        return reader.TokenType == JsonTokenType.Number
            && reader.ValueSpan.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0
            && reader.TryGetInt64(out time)
            && time is >= MillisecondsLow and < MillisecondsHigh;
    }

    private static bool TryReadInsertId(ref Utf8JsonReader reader, out string? insertId)
    {
        insertId = null;
        if (reader.TokenType != JsonTokenType.String || !IsPlainText(ref reader))
        {
            return false;
        }

        var text = Encoding.ASCII.GetString(reader.ValueSpan);
        if (!InsertIds.IsWellFormed(text) || DistinctIds.IsPlaceholder(text))
        {
            return false;
        }

        insertId = text;
        return true;
    }

    private static bool IsUsableDistinctId(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String || !IsPlainText(ref reader))
        {
            return false;
        }

        Span<char> text = stackalloc char[MixpanelLimits.MaxStringLength];
        var length = Encoding.ASCII.GetChars(reader.ValueSpan, text);
        return !DistinctIds.IsPlaceholder(text[..length]);
    }

    private static bool IsBlankIp(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null
        || (reader.TokenType == JsonTokenType.String && reader.ValueSpan.IndexOfAnyExcept((byte)' ') < 0);
}
