using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace MixpanelSync.Mixpanel;

/// <summary>
/// Reads one JSON record in a single pass and, when the validator would write it back unchanged apart from
/// whitespace and an appended <c>"ip":0</c>, returns its compact bytes as a <see cref="CompactEvent"/>. Every
/// other record, including malformed ones, gets <see langword="null"/> and takes the general path, which
/// produces the repairs, warnings and errors. Not thread-safe: each reader uses its own instance.
/// </summary>
/// <remarks>
/// <para>
/// A record qualifies when it is <c>{"event": name, "properties": {…}}</c> with nothing else at the top level;
/// all names and strings are printable ASCII without escapes and at most 255 characters; integers fit in 64 bits
/// and other numbers are already in shortest round-trip form; <c>time</c> is an integer in milliseconds;
/// <c>distinct_id</c> is a string and <c>$insert_id</c> a well-formed string or absent, neither a placeholder;
/// <c>ip</c>, when present, is not blank; no property Mixpanel reserves appears twice; no object has more than
/// 254 keys and no list more than 254 elements; values nest at most 32 levels; and the event has at most 254
/// properties.
/// </para>
/// <para>
/// The scanner parses strict JSON (RFC 8259) itself instead of using <c>Utf8JsonReader</c>, which also validates
/// escapes and UTF-8 that qualifying records never contain. Anything it does not recognise is declined, so a
/// malformed record always reaches the general path and its error.
/// </para>
/// </remarks>
internal sealed class CompactEventScanner
{
    private const byte MinPrintable = 0x20;
    private const byte MaxPrintable = 0x7E;
    private const int MaxValueDepth = 32;

    // Room for what the record lacks: the compact form never exceeds the record plus a derived $insert_id.
    private const int Slack = 64;

    // The bytes that end a qualifying string: its closing quote, a backslash, and anything not printable ASCII.
    private static readonly SearchValues<byte> StringStops = SearchValues.Create(
        [.. Enumerable.Range(0, 256).Select(b => (byte)b).Where(IsStringStop)]);

    private byte[] _output = new byte[1024];
    private int _length;
    private int _position;

    /// <summary>Returns the record's compact form, or <see langword="null"/> when it does not qualify.</summary>
    public CompactEvent? TryScan(ReadOnlySpan<byte> record)
    {
        if (_output.Length < record.Length + Slack)
        {
            _output = new byte[Math.Max(record.Length + Slack, _output.Length * 2)];
        }

        _length = 0;
        _position = 0;
        return Scan(record);
    }

    private CompactEvent? Scan(ReadOnlySpan<byte> record)
    {
        if (!Expect(record, (byte)'{')
            || !ExpectName(record, "event"u8)
            || !TryString(record, out var name)
            || name.IndexOfAnyExcept((byte)' ') < 0
            || !Expect(record, (byte)',')
            || !ExpectName(record, "properties"u8)
            || !Expect(record, (byte)'{'))
        {
            return null;
        }

        var found = default(Found);
        if (!ScanProperties(record, ref found))
        {
            return null;
        }

        var insertId = found.InsertId;
        if (insertId is null)
        {
            // Same id as the general reader derives: a hash of the record without surrounding blanks.
            insertId = InsertIds.DeriveFromContent(record.Trim(" \t\r\n"u8));
            Write(",\"$insert_id\":\""u8);
            _length += Encoding.ASCII.GetBytes(insertId, _output.AsSpan(_length));
            Write((byte)'"');
            found.Count++;
        }

        // The properties object ends after the derived id. The event's own '}' must then end the record.
        Write((byte)'}');
        var addsIp = !found.HasIp;
        if (found.Count + (addsIp ? 1 : 0) > MixpanelLimits.MaxProperties
            || !Expect(record, (byte)'}')
            || SkipBlanks(record) < record.Length)
        {
            return null;
        }

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

    // Reads the members of the properties object after its '{', through its '}', and writes all but the '}'.
    private bool ScanProperties(ReadOnlySpan<byte> record, ref Found found)
    {
        if (Peek(record) == '}')
        {
            return false;
        }

        while (true)
        {
            if (!TryString(record, out var name)
                || !Expect(record, (byte)':')
                || !ScanProperty(record, name, ref found))
            {
                return false;
            }

            found.Count++;
            switch (Next(record))
            {
                case (byte)',':
                    Write((byte)',');
                    continue;
                case (byte)'}':
                    return found.HasTime && found.HasDistinctId;
                default:
                    return false;
            }
        }
    }

    private bool ScanProperty(ReadOnlySpan<byte> record, ReadOnlySpan<byte> name, ref Found found)
    {
        var valueStart = SkipBlanks(record);
        var first = valueStart < record.Length ? record[valueStart] : (byte)0;
        if (name.SequenceEqual("time"u8))
        {
            if (found.HasTime || first is < (byte)'1' or > (byte)'9')
            {
                return false;
            }

            found.HasTime = true;
            return TryNumber(record, out var text)
                && Utf8Parser.TryParse(text, out found.Time, out var used)
                && used == text.Length
                && EventTime.IsMilliseconds(found.Time);
        }

        if (name.SequenceEqual("distinct_id"u8))
        {
            if (found.HasDistinctId || first != '"')
            {
                return false;
            }

            found.HasDistinctId = true;
            return TryString(record, out var text) && !IsPlaceholder(text);
        }

        if (name.SequenceEqual("$insert_id"u8))
        {
            if (found.InsertId is not null || first != '"' || !TryString(record, out var text))
            {
                return false;
            }

            var insertId = Encoding.ASCII.GetString(text);
            found.InsertId = insertId;
            return InsertIds.IsWellFormed(insertId) && !DistinctIds.IsPlaceholder(insertId);
        }

        if (name.SequenceEqual("ip"u8))
        {
            if (found.HasIp || first == 'n')
            {
                return false;
            }

            found.HasIp = true;
            if (first == '"')
            {
                return TryString(record, out var text) && text.IndexOfAnyExcept((byte)' ') >= 0;
            }
        }
        else if (name.SequenceEqual("token"u8))
        {
            if (found.HasToken)
            {
                return false;
            }

            found.HasToken = true;
        }

        return TryValue(record, level: 1, ref found.DeepestLevel);
    }

    // Copies one value. Objects and lists at the given level count toward the deepest container.
    private bool TryValue(ReadOnlySpan<byte> record, int level, ref int deepestLevel)
    {
        switch (Peek(record))
        {
            case (byte)'"':
                return TryString(record, out _);
            case (byte)'{':
                return TryObject(record, level, ref deepestLevel);
            case (byte)'[':
                return TryList(record, level, ref deepestLevel);
            case (byte)'t':
                return TryLiteral(record, "true"u8);
            case (byte)'f':
                return TryLiteral(record, "false"u8);
            case (byte)'n':
                return TryLiteral(record, "null"u8);
            default:
                return TryNumber(record, out var text) && IsShortestNumber(text);
        }
    }

    private bool TryObject(ReadOnlySpan<byte> record, int level, ref int deepestLevel)
    {
        if (level > MaxValueDepth)
        {
            return false;
        }

        deepestLevel = Math.Max(deepestLevel, level);
        _position++;
        Write((byte)'{');
        if (Peek(record) == '}')
        {
            _position++;
            Write((byte)'}');
            return true;
        }

        for (var keys = 1; keys <= MixpanelLimits.MaxObjectKeys; keys++)
        {
            if (!TryString(record, out _)
                || !Expect(record, (byte)':')
                || !TryValue(record, level + 1, ref deepestLevel))
            {
                return false;
            }

            var next = Next(record);
            Write(next);
            if (next == '}')
            {
                return true;
            }

            if (next != ',')
            {
                return false;
            }
        }

        return false;
    }

    private bool TryList(ReadOnlySpan<byte> record, int level, ref int deepestLevel)
    {
        if (level > MaxValueDepth)
        {
            return false;
        }

        deepestLevel = Math.Max(deepestLevel, level);
        _position++;
        Write((byte)'[');
        if (Peek(record) == ']')
        {
            _position++;
            Write((byte)']');
            return true;
        }

        for (var elements = 1; elements <= MixpanelLimits.MaxArrayElements; elements++)
        {
            if (!TryValue(record, level + 1, ref deepestLevel))
            {
                return false;
            }

            var next = Next(record);
            Write(next);
            if (next == ']')
            {
                return true;
            }

            if (next != ',')
            {
                return false;
            }
        }

        return false;
    }

    // Copies a string of printable ASCII without escapes and returns its content.
    private bool TryString(ReadOnlySpan<byte> record, out ReadOnlySpan<byte> text)
    {
        text = default;
        var start = SkipBlanks(record);
        if (start >= record.Length || record[start] != '"')
        {
            return false;
        }

        // One search finds the closing quote or the first byte that is not printable ASCII.
        var rest = record[(start + 1)..];
        var end = rest.IndexOfAny(StringStops);
        if (end < 0 || rest[end] != '"' || end > MixpanelLimits.MaxStringLength)
        {
            return false;
        }

        text = rest[..end];
        Write(record.Slice(start, end + 2));
        _position = start + end + 2;
        return true;
    }

    // Copies a number in JSON's grammar. That is an optional minus, an integer part without leading zeros, and
    // an optional fraction and exponent.
    private bool TryNumber(ReadOnlySpan<byte> record, out ReadOnlySpan<byte> text)
    {
        var start = SkipBlanks(record);
        var index = start;
        if (index < record.Length && record[index] == '-')
        {
            index++;
        }

        if (index < record.Length && record[index] == '0')
        {
            index++;
        }
        else if (!SkipDigits(record, ref index))
        {
            text = default;
            return false;
        }

        var valid = true;
        if (index < record.Length && record[index] == '.')
        {
            index++;
            valid = SkipDigits(record, ref index);
        }

        if (valid && index < record.Length && (record[index] | 0x20) == 'e')
        {
            index++;
            if (index < record.Length && record[index] is (byte)'+' or (byte)'-')
            {
                index++;
            }

            valid = SkipDigits(record, ref index);
        }

        text = record[start..index];
        if (!valid)
        {
            return false;
        }

        Write(text);
        _position = index;
        return true;
    }

    private static bool SkipDigits(ReadOnlySpan<byte> record, ref int index)
    {
        var start = index;
        while (index < record.Length && record[index] - (uint)'0' <= 9)
        {
            index++;
        }

        return index > start;
    }

    private bool TryLiteral(ReadOnlySpan<byte> record, ReadOnlySpan<byte> literal)
    {
        if (!record[_position..].StartsWith(literal))
        {
            return false;
        }

        Write(literal);
        _position += literal.Length;
        return true;
    }

    // Skips blanks and returns the next byte without consuming it, or 0 at the end.
    private byte Peek(ReadOnlySpan<byte> record)
    {
        _position = SkipBlanks(record);
        return _position < record.Length ? record[_position] : (byte)0;
    }

    // Skips blanks and consumes the next byte, or returns 0 at the end.
    private byte Next(ReadOnlySpan<byte> record)
    {
        var next = Peek(record);
        _position++;
        return next;
    }

    private bool Expect(ReadOnlySpan<byte> record, byte expected)
    {
        if (Next(record) != expected)
        {
            return false;
        }

        Write(expected);
        return true;
    }

    private bool ExpectName(ReadOnlySpan<byte> record, ReadOnlySpan<byte> expected) =>
        TryString(record, out var name) && name.SequenceEqual(expected) && Expect(record, (byte)':');

    private int SkipBlanks(ReadOnlySpan<byte> record)
    {
        // JSON's blanks are all at or below the space character, and most positions have none.
        var index = _position;
        if (index < record.Length && record[index] > ' ')
        {
            return index;
        }

        while (index < record.Length && record[index] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            index++;
        }

        return index;
    }

    private static bool IsStringStop(byte value) =>
        value is < MinPrintable or > MaxPrintable or (byte)'"' or (byte)'\\';

    private void Write(byte value) => _output[_length++] = value;

    private void Write(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_output.AsSpan(_length));
        _length += bytes.Length;
    }

    // The validator writes integers that fit in 64 bits as such and other numbers in shortest round-trip form.
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

    private static bool IsPlaceholder(ReadOnlySpan<byte> text)
    {
        Span<char> characters = stackalloc char[MixpanelLimits.MaxStringLength];
        var length = Encoding.ASCII.GetChars(text, characters);
        return DistinctIds.IsPlaceholder(characters[..length]);
    }
}
