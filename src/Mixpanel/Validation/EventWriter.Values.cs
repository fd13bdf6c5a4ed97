using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace MixpanelSync.Mixpanel;

internal sealed partial class EventWriter
{
    // Guards against cyclic object graphs, which would otherwise recurse until the stack overflows.
    private const int MaxRecursion = 64;

    private bool WriteMember(string key, string? prefix, object? value, int level)
    {
        _path.Push(key);
        WriteText(prefix is null ? key : prefix + key, TextRole.PropertyName);
        var written = WriteValue(value, level);
        _path.Pop();
        return written;
    }

    private bool WriteValue(object? value, int level)
    {
        switch (value)
        {
            case null:
                _json.WriteNullValue();
                return true;
            case string text:
                WriteText(text, TextRole.Value);
                return true;
            case bool flag:
                _json.WriteBooleanValue(flag);
                return true;
            case long number:
                _json.WriteNumberValue(number);
                return true;
            case int number:
                _json.WriteNumberValue(number);
                return true;
            case double number:
                return WriteDouble(number);
            case decimal number:
                _json.WriteNumberValue(number);
                return true;
            case JsonElement element:
                return WriteJsonElement(element, level);
            default:
                return WriteOtherValue(value, level);
        }
    }

    private bool WriteOtherValue(object value, int level)
    {
        switch (value)
        {
            case float number:
                return WriteSingle(number);
            case short or byte or sbyte or ushort:
                _json.WriteNumberValue(Convert.ToInt32(value, CultureInfo.InvariantCulture));
                return true;
            case uint number:
                _json.WriteNumberValue(number);
                return true;
            case ulong number:
                _json.WriteNumberValue(number);
                return true;
            case DateTimeOffset instant:
                WriteDate(instant.UtcDateTime);
                return true;
            case DateTime dateTime:
                WriteDate(dateTime.Kind == DateTimeKind.Local ? dateTime.ToUniversalTime() : dateTime);
                return true;
            case Guid guid:
                _json.WriteStringValue(guid);
                return true;
            case char character:
                WriteText(character.ToString(), TextRole.Value);
                return true;
            case Enum enumeration:
                WriteText(enumeration.ToString(), TextRole.Value);
                return true;
            default:
                return WriteContainer(value, level);
        }
    }

    private bool WriteContainer(object value, int level)
    {
        if (TryGetMembers(value, out var members))
        {
            return WriteObject(members, level);
        }

        if (TryGetElements(value, out var elements))
        {
            return WriteArray(elements, level);
        }

        return Reject(
            ValidationCode.UnsupportedValueType,
            _path.Format(),
            $"The value has type {value.GetType().FullName}, which has no JSON form here.");
    }

    private bool WriteObject(IReadOnlyList<KeyValuePair<string, object?>> members, int level)
    {
        if (level > _maxDepth)
        {
            return RejectTooDeep(level);
        }

        _json.WriteStartObject();
        var keyCount = 0;
        if (!WriteMembers(members, level, prefix: null, ref keyCount, recursion: level))
        {
            return false;
        }

        _json.WriteEndObject();
        return true;
    }

    private bool WriteMembers(
        IReadOnlyList<KeyValuePair<string, object?>> members,
        int level,
        string? prefix,
        ref int keyCount,
        int recursion)
    {
        for (var i = 0; i < members.Count; i++)
        {
            var (key, value) = members[i];
            key ??= string.Empty;
            if (level + 1 > _maxDepth
                && _depthPolicy == NestingDepthPolicy.Flatten
                && TryGetMembers(value, out var nested))
            {
                if (!FlattenInto(nested, level, (prefix ?? string.Empty) + key + ".", ref keyCount, recursion))
                {
                    return false;
                }

                continue;
            }

            if (++keyCount > MixpanelLimits.MaxObjectKeys)
            {
                return Reject(
                    ValidationCode.TooManyObjectKeys,
                    _path.Format(),
                    $"The object has more than {MixpanelLimits.MaxObjectKeys} keys, which Mixpanel rejects.");
            }

            if (!WriteMember(key, prefix, value, level + 1) || EventBytes >= _maxEventBytes)
            {
                return _rejection is not null ? false : RejectTooLarge();
            }
        }

        return true;
    }

    private bool FlattenInto(
        IReadOnlyList<KeyValuePair<string, object?>> nested,
        int level,
        string prefix,
        ref int keyCount,
        int recursion)
    {
        if (recursion >= MaxRecursion)
        {
            return RejectTooDeep(recursion);
        }

        Warn(
            ValidationCode.NestingFlattened,
            _path.Format(),
            $"Objects below depth {_maxDepth} were merged into their parent under keys starting '{prefix}'.");
        return WriteMembers(nested, level, prefix, ref keyCount, recursion + 1);
    }

    private bool WriteArray(IReadOnlyList<object?> elements, int level)
    {
        if (level > _maxDepth)
        {
            return RejectTooDeep(level);
        }

        var count = elements.Count;
        if (count > MixpanelLimits.MaxArrayElements)
        {
            if (_arrayPolicy == ArrayLengthPolicy.Reject)
            {
                return Reject(
                    ValidationCode.ArrayTooLong,
                    _path.Format(),
                    $"The list has {DescribeCount(count)} elements, "
                    + $"but Mixpanel accepts at most {MixpanelLimits.MaxArrayElements}.");
            }

            Warn(
                ValidationCode.ArrayTruncated,
                _path.Format(),
                $"The list had {DescribeCount(count)} elements and was cut to {MixpanelLimits.MaxArrayElements}.");
            count = MixpanelLimits.MaxArrayElements;
        }

        _json.WriteStartArray();
        for (var i = 0; i < count; i++)
        {
            _path.Push(i);
            var written = WriteValue(elements[i], level + 1);
            _path.Pop();
            if (!written || EventBytes >= _maxEventBytes)
            {
                return _rejection is not null ? false : RejectTooLarge();
            }
        }

        _json.WriteEndArray();
        return true;
    }

    private bool RejectTooDeep(int level) => Reject(
        ValidationCode.NestingTooDeep,
        _path.Format(),
        level >= MaxRecursion
            ? $"The value is nested more than {MaxRecursion} levels deep; the object graph may contain a cycle."
            : $"The value is nested {level} levels deep; the maximum is {_maxDepth}.");

    private static string DescribeCount(int count) =>
        count > MixpanelLimits.MaxArrayElements + 1
            ? count.ToString(CultureInfo.InvariantCulture)
            : "at least " + count.ToString(CultureInfo.InvariantCulture);

    private bool WriteDouble(double number)
    {
        if (!double.IsFinite(number))
        {
            return RejectNonFinite(number.ToString(CultureInfo.InvariantCulture));
        }

        _json.WriteNumberValue(number);
        return true;
    }

    private bool WriteSingle(float number)
    {
        if (!float.IsFinite(number))
        {
            return RejectNonFinite(number.ToString(CultureInfo.InvariantCulture));
        }

        _json.WriteNumberValue(number);
        return true;
    }

    private bool RejectNonFinite(string value) => Reject(
        ValidationCode.NonFiniteNumber,
        _path.Format(),
        $"The number is {value}, which JSON cannot represent.");

    // Mixpanel reads strings of the form YYYY-MM-DDTHH:MM:SS as dates in UTC.
    private void WriteDate(DateTime dateTime)
    {
        Span<char> text = stackalloc char[19];
        dateTime.TryFormat(text, out _, "yyyy'-'MM'-'dd'T'HH':'mm':'ss", CultureInfo.InvariantCulture);
        _json.WriteStringValue(text);
    }

    private void WriteText(string text, TextRole role)
    {
        var span = text.AsSpan();
        if (span.Length > MixpanelLimits.MaxStringLength)
        {
            span = span[..TextRepair.GetTruncatedLength(span, MixpanelLimits.MaxStringLength)];
            WarnTruncated(role, text.Length);
        }

        if (TextRepair.HasLoneSurrogate(span))
        {
            span = TextRepair.ReplaceLoneSurrogates(span);
            Warn(
                ValidationCode.InvalidUtf16Replaced,
                role == TextRole.EventName ? "event" : _path.Format(),
                "The text contained unpaired UTF-16 surrogates, which were replaced with U+FFFD.");
        }

        if (role == TextRole.PropertyName)
        {
            _json.WritePropertyName(span);
        }
        else
        {
            _json.WriteStringValue(span);
        }
    }

    private void WarnTruncated(TextRole role, int length)
    {
        var (code, field, subject) = role switch
        {
            TextRole.EventName => (ValidationCode.EventNameTruncated, "event", "event name"),
            TextRole.PropertyName => (ValidationCode.PropertyNameTruncated, _path.Format(), "property name"),
            _ => (ValidationCode.StringTruncated, _path.Format(), "string"),
        };
        Warn(code, field, $"The {subject} had {length} characters and was cut to {MixpanelLimits.MaxStringLength}.");
    }

    private static bool TryGetMembers(object? value, out IReadOnlyList<KeyValuePair<string, object?>> members)
    {
        members = value switch
        {
            IReadOnlyList<KeyValuePair<string, object?>> list => list,
            IEnumerable<KeyValuePair<string, object?>> pairs => [.. pairs],
            JsonElement { ValueKind: JsonValueKind.Object } element => ReadJsonMembers(element),
            IDictionary dictionary => ReadDictionary(dictionary),
            _ => null!,
        };
        return members is not null;
    }

    private static bool TryGetElements(object? value, out IReadOnlyList<object?> elements)
    {
        elements = value switch
        {
            string => null!,
            IReadOnlyList<object?> list => list,
            JsonElement { ValueKind: JsonValueKind.Array } element => ReadJsonElements(element),
            IEnumerable sequence => ReadSequence(sequence),
            _ => null!,
        };
        return elements is not null;
    }

    private static List<KeyValuePair<string, object?>> ReadJsonMembers(JsonElement element)
    {
        var members = new List<KeyValuePair<string, object?>>();
        foreach (var property in element.EnumerateObject())
        {
            members.Add(new(JsonStrings.GetName(property), property.Value));
        }

        return members;
    }

    private static List<KeyValuePair<string, object?>> ReadDictionary(IDictionary dictionary)
    {
        var members = new List<KeyValuePair<string, object?>>(dictionary.Count);
        foreach (DictionaryEntry entry in dictionary)
        {
            members.Add(new(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty, entry.Value));
        }

        return members;
    }

    private static List<object?> ReadJsonElements(JsonElement element)
    {
        var elements = new List<object?>(element.GetArrayLength());
        foreach (var item in element.EnumerateArray())
        {
            elements.Add(item);
        }

        return elements;
    }

    // Reads one element past the limit, so that an endless sequence cannot hang the writer.
    private static List<object?> ReadSequence(IEnumerable sequence)
    {
        var elements = new List<object?>();
        foreach (var item in sequence)
        {
            elements.Add(item);
            if (elements.Count > MixpanelLimits.MaxArrayElements)
            {
                break;
            }
        }

        return elements;
    }
}
