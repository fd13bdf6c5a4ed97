using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace MixpanelSync.MixpanelEmulator;

/// <summary>
/// Reads one event's JSON once, without building a document: extracts the fields that rules need and checks the
/// structural limits (size, property count, nested keys, list length, nesting depth, UTF-8).
/// </summary>
/// <remarks>The JSON must be well-formed; <see cref="RecordSplitter"/> has checked it.</remarks>
internal static class EventScanner
{
    private const string PropertiesField = "properties";

    public static EventFacts Scan(ReadOnlySpan<byte> json)
    {
        var facts = default(EventFacts);
        var checkUtf8 = !Utf8.IsValid(json);
        if (json.Length >= IngestionLimits.MaxEventBytes)
        {
            facts.StructuralFailure = new ValidationFailure(
                "event",
                $"event is {json.Length} bytes; events must be smaller than {IngestionLimits.MaxEventBytes} bytes");
        }

        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 256 });
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            facts.StructuralFailure ??= new ValidationFailure("event", "each record must be a JSON object");
            return facts;
        }

        facts.IsObject = true;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("event"u8))
            {
                reader.Read();
                ScanName(ref reader, ref facts, checkUtf8);
            }
            else if (reader.ValueTextEquals("properties"u8))
            {
                reader.Read();
                ScanProperties(ref reader, ref facts, checkUtf8);
            }
            else
            {
                reader.Skip();
            }
        }

        return facts;
    }

    private static void ScanName(ref Utf8JsonReader reader, ref EventFacts facts, bool checkUtf8)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            facts.NameKind = ValueKind.Other;
            reader.Skip();
            return;
        }

        if (checkUtf8 && !Utf8.IsValid(reader.ValueSpan))
        {
            Fail(ref facts, ValidationFailure.Invalid("event", "string should be valid utf8"));
            facts.NameKind = ValueKind.Other;
            return;
        }

        facts.NameKind = ValueKind.String;
        facts.Name = reader.GetString();
    }

    private static void ScanProperties(ref Utf8JsonReader reader, ref EventFacts facts, bool checkUtf8)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            Fail(ref facts, ValidationFailure.Invalid(PropertiesField, "must be a JSON object"));
            reader.Skip();
            return;
        }

        facts.HasProperties = true;
        var count = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            count++;
            if (checkUtf8 && !Utf8.IsValid(reader.ValueSpan))
            {
                Fail(ref facts, ValidationFailure.Invalid(PropertiesField, "property names should be valid utf8"));
                reader.Skip();
                continue;
            }

            ScanProperty(ref reader, ref facts, checkUtf8);
        }

        if (count >= IngestionLimits.MaxProperties)
        {
            Fail(ref facts, ValidationFailure.Invalid(
                PropertiesField,
                $"has {count} properties; events must have fewer than {IngestionLimits.MaxProperties}"));
        }
    }

    private static void ScanProperty(ref Utf8JsonReader reader, ref EventFacts facts, bool checkUtf8)
    {
        var nameReader = reader;
        var known = KnownProperties.Identify(ref reader);
        reader.Read();
        if (checkUtf8 && reader.TokenType == JsonTokenType.String && !Utf8.IsValid(reader.ValueSpan))
        {
            Fail(ref facts, ValidationFailure.Invalid(FieldOf(ref nameReader), "string should be valid utf8"));
            return;
        }

        switch (known)
        {
            case KnownProperty.Time:
                ScanTime(ref reader, ref facts);
                return;
            case KnownProperty.DistinctId:
                facts.DistinctIdKind = ReadIdentifier(ref reader, out facts.DistinctId);
                return;
            case KnownProperty.InsertId:
                ScanInsertId(ref reader, ref facts);
                return;
            case KnownProperty.UserId:
                ReadIdentifier(ref reader, out facts.UserId);
                return;
            case KnownProperty.DeviceId:
                ReadIdentifier(ref reader, out facts.DeviceId);
                return;
            case KnownProperty.Token:
                ReadIdentifier(ref reader, out facts.Token);
                return;
            case KnownProperty.Ignore:
                facts.HasIgnore = true;
                reader.Skip();
                return;
            default:
                ScanNestedValue(ref reader, ref facts, ref nameReader, depth: 0, checkUtf8);
                return;
        }
    }

    private static void ScanTime(ref Utf8JsonReader reader, ref EventFacts facts)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var time))
        {
            facts.TimeKind = ValueKind.Number;
            facts.Time = time;
            facts.TimeOffset = (int)reader.TokenStartIndex;
            facts.TimeLength = reader.ValueSpan.Length;
            return;
        }

        facts.TimeKind = ValueKind.Other;
        reader.Skip();
    }

    private static void ScanInsertId(ref Utf8JsonReader reader, ref EventFacts facts)
    {
        facts.InsertIdKind = ReadIdentifier(ref reader, out facts.InsertId);
        facts.InsertIdWellFormed = facts.InsertIdKind == ValueKind.String && IsWellFormedInsertId(facts.InsertId!);
    }

    private static ValueKind ReadIdentifier(ref Utf8JsonReader reader, out string? value)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                value = reader.GetString();
                return ValueKind.String;
            case JsonTokenType.Number:
                value = Encoding.UTF8.GetString(reader.ValueSpan);
                return ValueKind.Number;
            default:
                value = null;
                reader.Skip();
                return ValueKind.Other;
        }
    }

    private static bool IsWellFormedInsertId(string value)
    {
        if (value.Length is 0 or > IngestionLimits.MaxInsertIdLength)
        {
            return false;
        }

        foreach (var character in value)
        {
            if (!char.IsAsciiLetterOrDigit(character) && character != '-')
            {
                return false;
            }
        }

        return true;
    }

    private static void ScanNestedValue(
        ref Utf8JsonReader reader,
        ref EventFacts facts,
        ref Utf8JsonReader nameReader,
        int depth,
        bool checkUtf8)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String when checkUtf8 && !Utf8.IsValid(reader.ValueSpan):
                Fail(ref facts, ValidationFailure.Invalid(FieldOf(ref nameReader), "string should be valid utf8"));
                return;
            case JsonTokenType.StartObject or JsonTokenType.StartArray when depth >= IngestionLimits.MaxNestingDepth:
                Fail(ref facts, ValidationFailure.Invalid(
                    FieldOf(ref nameReader),
                    $"objects and lists may nest at most {IngestionLimits.MaxNestingDepth} levels"));
                reader.Skip();
                return;
            case JsonTokenType.StartObject:
                ScanObject(ref reader, ref facts, ref nameReader, depth + 1, checkUtf8);
                return;
            case JsonTokenType.StartArray:
                ScanArray(ref reader, ref facts, ref nameReader, depth + 1, checkUtf8);
                return;
            default:
                return;
        }
    }

    private static void ScanObject(
        ref Utf8JsonReader reader,
        ref EventFacts facts,
        ref Utf8JsonReader nameReader,
        int depth,
        bool checkUtf8)
    {
        var keys = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            keys++;
            if (checkUtf8 && !Utf8.IsValid(reader.ValueSpan))
            {
                Fail(ref facts, ValidationFailure.Invalid(FieldOf(ref nameReader), "keys should be valid utf8"));
            }

            reader.Read();
            ScanNestedValue(ref reader, ref facts, ref nameReader, depth, checkUtf8);
        }

        if (keys >= IngestionLimits.MaxObjectKeys)
        {
            Fail(ref facts, ValidationFailure.Invalid(
                FieldOf(ref nameReader),
                $"object has {keys} keys; objects must have fewer than {IngestionLimits.MaxObjectKeys}"));
        }
    }

    private static void ScanArray(
        ref Utf8JsonReader reader,
        ref EventFacts facts,
        ref Utf8JsonReader nameReader,
        int depth,
        bool checkUtf8)
    {
        var elements = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            elements++;
            ScanNestedValue(ref reader, ref facts, ref nameReader, depth, checkUtf8);
        }

        if (elements >= IngestionLimits.MaxArrayElements)
        {
            Fail(ref facts, ValidationFailure.Invalid(
                FieldOf(ref nameReader),
                $"list has {elements} elements; lists must have fewer than {IngestionLimits.MaxArrayElements}"));
        }
    }

    private static string FieldOf(ref Utf8JsonReader nameReader)
    {
        var span = nameReader.ValueSpan;
        var name = Utf8.IsValid(span) && !nameReader.ValueIsEscaped
            ? Encoding.UTF8.GetString(span)
            : SafeName(ref nameReader);
        return string.Concat("properties.", name);
    }

    private static string SafeName(ref Utf8JsonReader nameReader)
    {
        try
        {
            return nameReader.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            return Encoding.UTF8.GetString(nameReader.ValueSpan);
        }
    }

    private static void Fail(ref EventFacts facts, ValidationFailure failure) => facts.StructuralFailure ??= failure;
}
