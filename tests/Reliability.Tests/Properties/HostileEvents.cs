using CsCheck;
using MixpanelSync.Events;
using MixpanelSync.Events.Schema;

namespace MixpanelSync.Reliability.Tests.Properties;

/// <summary>
/// Generators of stored brand events with hostile content: any Unicode including lone surrogates and control
/// characters, long strings and names, non-finite and huge numbers, nested custom values, placeholder ids and
/// times from 1960 to 2100. Schema properties keep the types the parser gives them, as stored events do.
/// </summary>
internal static class HostileEvents
{
    /// <summary>The clock of the validator and the emulator.</summary>
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly Gen<string> Piece = Gen.OneOf<string>(
        Gen.Char.Select(c => c.ToString()),
        Gen.Char['a', 'z'].Select(c => c.ToString()),
        Gen.Int[0, 0x1F].Select(code => ((char)code).ToString()),
        Gen.OneOf("\uD800", "\uDFFF", "\uDBFF\uD800", "\U0001F600", "\u202E", "e\u0301", "\uFEFF", "\uFFFF", "\""),
        Gen.OneOf("undefined", "null", "0", "-1", "anonymous", "00000000-0000-0000-0000-000000000000", " "),
        Gen.Int[250, 3000].Select(length => new string('x', length)));

    /// <summary>Strings made of hostile pieces, empty to several thousand characters.</summary>
    public static readonly Gen<string> Text = Piece.Array[0, 6].Select(string.Concat);

    private static readonly Gen<object?> Scalar = Gen.OneOf<object?>(
        Text.Select(text => (object?)text),
        Gen.Long.Select(number => (object?)number),
        Gen.Double.Select(number => (object?)number),
        Gen.OneOf(double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue, -0.0)
            .Select(number => (object?)number),
        Gen.Decimal.Select(number => (object?)number),
        Gen.OneOf(decimal.MaxValue, decimal.MinValue, 0.0000000000000000000000000001m).Select(n => (object?)n),
        Gen.Bool.Select(flag => (object?)flag),
        Gen.Const((object?)null));

    /// <summary>Custom property values: scalars, lists and objects nested up to six levels.</summary>
    public static readonly Gen<object?> CustomValue = Nested(6);

    /// <summary>Custom property names, including reserved and colliding ones.</summary>
    public static readonly Gen<string> CustomName = Gen.OneOf<string>(
        Text.Where(name => !string.IsNullOrWhiteSpace(name) && name.Length <= 255),
        Gen.OneOf("time", "distinct_id", "$insert_id", "token", "$os", "mp_lib", "event_id", "brand_time", "ip"));

    /// <summary>A stored brand event of any schema type.</summary>
    public static readonly Gen<BrandEvent> Event = Gen.Select(
        Gen.Int[0, EventSchema.Types.Count - 1],
        Text.Where(id => id.Length is > 0 and <= 200 && !string.IsNullOrWhiteSpace(id)),
        Gen.Long[-315_619_200_000, 4_102_444_800_000],
        Gen.OneOf<string?>(Text.Select(text => (string?)text), Gen.Const((string?)null)),
        Gen.OneOf<string?>(Text.Select(text => (string?)text), Gen.Const((string?)null)),
        Context(),
        Gen.Select(CustomName, CustomValue).Array[0, 12],
        Gen.Int[0, 1000])
        .SelectMany(parts => SchemaProperties(EventSchema.Types[parts.Item1]).Select(schema => Build(parts, schema)));

    private static Gen<object?> Nested(int depth) => depth == 0
        ? Scalar
        : Gen.Frequency<object?>(
            (6, Scalar),
            (1, Nested(depth - 1).List[0, 5].Select(list => (object?)list)),
            (1, Gen.Select(CustomNameShort(), Nested(depth - 1)).Array[0, 4].Select(ToObject)));

    private static Gen<string> CustomNameShort() => Gen.Char['a', 'z'].Array[1, 8].Select(c => new string(c));

    private static object? ToObject((string Name, object? Value)[] members)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in members)
        {
            result[name] = value;
        }

        return result;
    }

    private static Gen<BrandEventContext> Context() => Gen.Select(
        Gen.OneOf<string?>(Text.Select(text => (string?)text), Gen.Const((string?)null)),
        Gen.OneOf<string?>(Gen.OneOf<string?>("DE", "us", "ZZ"), Gen.Const((string?)null)),
        Gen.OneOf<string?>(Gen.OneOf<string?>("203.0.113.9", "::1", "2001:db8::1"), Gen.Const((string?)null)),
        (text, country, ip) => new BrandEventContext { Os = text, City = text, Country = country, Ip = ip });

    private static Gen<Dictionary<string, object?>> SchemaProperties(EventTypeDefinition type) =>
        Gen.Select(Text, Gen.Long[0, long.MaxValue], Gen.Decimal, Gen.Bool, Text.List[0, 5], Gen.Bool.Array[8],
            (text, number, money, flag, list, include) =>
            {
                var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
                for (var i = 0; i < type.Properties.Count; i++)
                {
                    var property = type.Properties[i];
                    if (!property.Required && !include[i % include.Length] && type.AtLeastOneOf is null)
                    {
                        continue;
                    }

                    properties[property.Name] = property.Kind switch
                    {
                        PropertyKind.Text => text,
                        PropertyKind.NonNegativeInteger => number,
                        PropertyKind.PositiveInteger => Math.Max(1, number),
                        PropertyKind.Money => Math.Abs(money),
                        PropertyKind.CurrencyCode => "EUR",
                        PropertyKind.Boolean => flag,
                        PropertyKind.TextList => list.Cast<object?>().ToList(),
                        _ => null,
                    };
                }

                return properties;
            });

    private static BrandEvent Build(
        (int Type, string Id, long Time, string? User, string? Device, BrandEventContext Context,
            (string Name, object? Value)[] Custom, int Offset) parts,
        Dictionary<string, object?> properties)
    {
        foreach (var (name, value) in parts.Custom)
        {
            properties.TryAdd(name, value);
        }

        return new BrandEvent
        {
            EventId = parts.Id,
            Type = EventSchema.Types[parts.Type].Type,
            OccurredAt = DateTimeOffset.FromUnixTimeMilliseconds(parts.Time)
                .ToOffset(TimeSpan.FromMinutes(parts.Offset % 841 - 420)),
            UserId = parts.User,
            DeviceId = parts.User is null && parts.Device is null ? "device-fallback" : parts.Device,
            Context = parts.Context,
            Properties = properties,
        };
    }
}
