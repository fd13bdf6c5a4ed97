using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MixpanelSync.MixpanelEmulator;

/// <summary>
/// Counts stored events by the value of one property, reading each event's JSON with a forward-only reader and
/// allocating only once per distinct value.
/// </summary>
internal sealed class PropertyGrouper
{
    // Group keys start with a kind marker so that the string "1" and the number 1 stay apart.
    private const char StringKind = 's';
    private const char JsonKind = 'j';
    private const char NullKind = 'n';

    private readonly byte[] _propertyName;
    private readonly int _maxGroups;
    private readonly Dictionary<string, GroupCounter> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GroupCounter>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private char[] _keyBuffer = new char[256];

    public PropertyGrouper(string propertyName, int maxGroups)
    {
        _propertyName = Encoding.UTF8.GetBytes(propertyName);
        _maxGroups = maxGroups;
        _lookup = _groups.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// Counts one stored event; returns <see langword="false"/> when its value would be one group too many.
    /// </summary>
    /// <param name="json">The stored event: <c>{"event":...,"properties":{...}}</c>.</param>
    /// <param name="kept">Whether the event is the copy that the query view keeps.</param>
    public bool Add(ReadOnlySpan<byte> json, bool kept)
    {
        var length = WriteKey(json);
        var key = _keyBuffer.AsSpan(0, length);
        if (!_lookup.TryGetValue(key, out var counter))
        {
            if (_groups.Count >= _maxGroups)
            {
                return false;
            }

            counter = new GroupCounter();
            _lookup[key] = counter;
        }

        counter.Stored++;
        if (kept)
        {
            counter.Unique++;
        }

        return true;
    }

    /// <summary>Returns the groups ordered by kind (JSON values, then null, then strings) and value.</summary>
    public IReadOnlyList<PropertyGroupCounts> ToGroups() =>
    [
        .. _groups
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => new PropertyGroupCounts(ToValue(group.Key), group.Value.Stored, group.Value.Unique)),
    ];

    private static JsonNode? ToValue(string key) => key[0] switch
    {
        StringKind => JsonValue.Create(key[1..]),
        JsonKind => JsonNode.Parse(key[1..]),
        _ => null,
    };

    /// <summary>Writes the group key of an event into the key buffer and returns its length.</summary>
    private int WriteKey(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return WriteNullKey();
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!reader.ValueTextEquals("properties"u8))
            {
                reader.Skip();
                continue;
            }

            reader.Read();
            return reader.TokenType == JsonTokenType.StartObject ? WritePropertyKey(ref reader, json) : WriteNullKey();
        }

        return WriteNullKey();
    }

    private int WritePropertyKey(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!reader.ValueTextEquals(_propertyName))
            {
                reader.Skip();
                continue;
            }

            reader.Read();
            return WriteValueKey(ref reader, json);
        }

        return WriteNullKey();
    }

    private int WriteValueKey(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return WriteNullKey();
            case JsonTokenType.String:
                // A UTF-8 string, escaped or not, never decodes to more UTF-16 characters than it has bytes.
                EnsureKeyCapacity(1 + reader.ValueSpan.Length);
                _keyBuffer[0] = StringKind;
                return 1 + reader.CopyString(_keyBuffer.AsSpan(1));
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                return WriteJsonKey(json[start..(int)reader.BytesConsumed]);
            default:
                return WriteJsonKey(reader.ValueSpan);
        }
    }

    private int WriteJsonKey(ReadOnlySpan<byte> utf8)
    {
        EnsureKeyCapacity(1 + utf8.Length);
        _keyBuffer[0] = JsonKind;
        return 1 + Encoding.UTF8.GetChars(utf8, _keyBuffer.AsSpan(1));
    }

    private int WriteNullKey()
    {
        _keyBuffer[0] = NullKind;
        return 1;
    }

    private void EnsureKeyCapacity(int length)
    {
        if (_keyBuffer.Length < length)
        {
            _keyBuffer = new char[Math.Max(length, _keyBuffer.Length * 2)];
        }
    }

    private sealed class GroupCounter
    {
        public long Stored;

        public long Unique;
    }
}
