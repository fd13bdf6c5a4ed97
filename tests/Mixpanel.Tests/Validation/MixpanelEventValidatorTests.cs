using Microsoft.Extensions.Time.Testing;
using static MixpanelSync.Mixpanel.Tests.TestEvents;

namespace MixpanelSync.Mixpanel.Tests.Validation;

public sealed class MixpanelEventValidatorTests
{
    private static MixpanelEventValidator CreateSut(MixpanelValidationOptions? options = null) =>
        new(options ?? new MixpanelValidationOptions(), new FakeTimeProvider(Now));

    [Fact]
    public void Validate_TypicalEvent_IsValid()
    {
        var result = CreateSut().Validate(Typical(7));

        Assert.Equal(ValidationStatus.Valid, result.Status);
        Assert.Equal(Time + 7, result.Time);
        Assert.Equal(InsertIds.Create("brand-1", "evt-7"), result.InsertId);
        Assert.Equal(7, result.SourceKey);
        Assert.InRange(result.ByteCount, 380, 520);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Validate_MissingOrBlankName_RejectsWithEventField(string? name)
    {
        var result = CreateSut().Validate(Create(name: name));

        Assert.Equal(ValidationStatus.Rejected, result.Status);
        Assert.Equal(ValidationCode.EventNameMissing, result.Rejection!.Code);
        Assert.Equal("event", result.Rejection.Field);
    }

    [Fact]
    public void Validate_BatchWithBlankNames_KeepsTheNamedEvent()
    {
        var validator = CreateSut();
        MixpanelEvent[] events =
        [
            Create(name: "", properties: [("$insert_id", "x-0023")]),
            Create(name: "   ", properties: [("$insert_id", "x-0024")]),
            Create(name: null, properties: [("$insert_id", "x-0025")]),
            Create(name: "Like Added", properties: [("$insert_id", "x-0026")]),
        ];

        var statuses = events.Select(e => validator.Validate(e).Status).ToArray();

        Assert.Equal(
            [ValidationStatus.Rejected, ValidationStatus.Rejected, ValidationStatus.Rejected, ValidationStatus.Valid],
            statuses);
    }

    [Fact]
    public void Validate_NameOf255Characters_IsValid()
    {
        var (result, json, _) = PreparedJson.Write(Create(name: new string('n', 255)));

        Assert.Equal(ValidationStatus.Valid, result.Status);
        Assert.Equal(255, json!.Value.GetProperty("event").GetString()!.Length);
    }

    [Fact]
    public void Validate_NameOf256Characters_TruncatesWithWarning()
    {
        var (result, json, _) = PreparedJson.Write(Create(name: new string('n', 256)));

        Assert.Equal(ValidationStatus.Repaired, result.Status);
        Assert.Equal(ValidationCode.EventNameTruncated, Assert.Single(result.Warnings).Code);
        Assert.Equal(255, json!.Value.GetProperty("event").GetString()!.Length);
    }

    [Fact]
    public void Validate_MissingDistinctId_Rejects()
    {
        var properties = new List<KeyValuePair<string, object?>> { Member("time", Time), Member("$insert_id", "a-1") };

        var result = CreateSut().Validate(WithProperties(properties));

        Assert.Equal(ValidationCode.DistinctIdMissing, result.Rejection!.Code);
        Assert.Equal("properties.distinct_id", result.Rejection.Field);
    }

    [Fact]
    public void Validate_NullDistinctId_Rejects()
    {
        var result = CreateSut().Validate(Create(properties: [("distinct_id", null)]));

        Assert.Equal(ValidationCode.DistinctIdMissing, result.Rejection!.Code);
    }

    [Theory]
    [InlineData(42)]
    [InlineData(true)]
    [InlineData(4.5)]
    public void Validate_NonStringDistinctId_Rejects(object distinctId)
    {
        var result = CreateSut().Validate(Create(properties: [("distinct_id", distinctId)]));

        Assert.Equal(ValidationCode.DistinctIdNotString, result.Rejection!.Code);
    }

    [Fact]
    public void Validate_EmptyDistinctId_IsValid()
    {
        var result = CreateSut().Validate(Create(properties: [("distinct_id", "")]));

        Assert.Equal(ValidationStatus.Valid, result.Status);
    }

    public static TheoryData<string> Placeholders =>
    [
        "00000000-0000-0000-0000-000000000000", "anon", "anonymous", "nil", "none", "null", "n/a", "na",
        "undefined", "unknown", "<nil>", "0", "-1", "true", "false", "[]", "{}", "[object Object]",
        "NULL", "Undefined", "Anonymous", "N/A", "[OBJECT OBJECT]", " null ",
    ];

    [Theory]
    [MemberData(nameof(Placeholders))]
    public void Validate_PlaceholderDistinctId_SendsEmptyWithWarning(string placeholder)
    {
        var (result, json, _) = PreparedJson.Write(Create(properties: [("distinct_id", placeholder)]));

        Assert.Equal(ValidationStatus.Repaired, result.Status);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(ValidationCode.DistinctIdPlaceholderReplaced, warning.Code);
        Assert.Equal("properties.distinct_id", warning.Field);
        Assert.Equal("", json.Properties().GetProperty("distinct_id").GetString());
    }

    [Theory]
    [MemberData(nameof(Placeholders))]
    public void Validate_PlaceholderDistinctIdUnderRejectPolicy_Rejects(string placeholder)
    {
        var options = new MixpanelValidationOptions
        {
            PlaceholderDistinctIdPolicy = PlaceholderDistinctIdPolicy.Reject,
        };

        var result = CreateSut(options).Validate(Create(properties: [("distinct_id", placeholder)]));

        Assert.Equal(ValidationCode.DistinctIdPlaceholder, result.Rejection!.Code);
    }

    [Theory]
    [InlineData("fan-0")]
    [InlineData("nullable")]
    [InlineData("00000000-0000-0000-0000-000000000001")]
    public void Validate_IdResemblingPlaceholder_IsValid(string distinctId)
    {
        var result = CreateSut().Validate(Create(properties: [("distinct_id", distinctId)]));

        Assert.Equal(ValidationStatus.Valid, result.Status);
    }

    [Fact]
    public void Validate_PlaceholderBatch_KeepsEveryEvent()
    {
        var validator = CreateSut();
        MixpanelEvent[] events =
        [
            Create(properties: [("distinct_id", "fan-1011"), ("$insert_id", "vv-0011")]),
            Create(properties: [("distinct_id", "undefined"), ("$insert_id", "vv-0012")]),
            Create(properties: [("distinct_id", "00000000-0000-0000-0000-000000000000"), ("$insert_id", "vv-0013")]),
        ];

        var results = events.Select(e => validator.Validate(e)).ToArray();

        Assert.All(results, r => Assert.True(r.IsAccepted));
        Assert.Equal(["vv-0011", "vv-0012", "vv-0013"], results.Select(r => r.InsertId));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(12345)]
    public void Validate_MissingInsertId_Rejects(object? insertId)
    {
        var result = CreateSut().Validate(Create(properties: [("$insert_id", insertId)]));

        Assert.Equal(ValidationCode.InsertIdMissing, result.Rejection!.Code);
        Assert.Equal("properties.$insert_id", result.Rejection.Field);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("undefined")]
    public void Validate_PlaceholderInsertId_Rejects(string insertId)
    {
        var result = CreateSut().Validate(Create(properties: [("$insert_id", insertId)]));

        Assert.Equal(ValidationCode.InsertIdPlaceholder, result.Rejection!.Code);
    }

    [Fact]
    public void Validate_InsertIdOf36Characters_IsValid()
    {
        var insertId = "0f3c2b1a-9d8e-7f6a-5b4c-3d2e1f0a9b8c";

        var result = CreateSut().Validate(Create(properties: [("$insert_id", insertId)]));

        Assert.Equal(ValidationStatus.Valid, result.Status);
        Assert.Equal(insertId, result.InsertId);
    }

    [Theory]
    [InlineData("0f3c2b1a-9d8e-7f6a-5b4c-3d2e1f0a9b8c1")]
    [InlineData("ajs-next-0f3c2b1a9d8e7f6a5b4c3d2e1f0a9b8c:Xy7QpL2mN4rS6tU8vW0zA-1")]
    [InlineData("id with spaces")]
    [InlineData("id_with_underscore")]
    public void Validate_MalformedInsertId_DerivesHashWithWarning(string insertId)
    {
        var (result, json, _) = PreparedJson.Write(Create(properties: [("$insert_id", insertId)]));

        Assert.Equal(ValidationStatus.Repaired, result.Status);
        Assert.Equal(ValidationCode.InsertIdDerived, Assert.Single(result.Warnings).Code);
        Assert.Equal(InsertIds.Derive(insertId), result.InsertId);
        Assert.True(InsertIds.IsWellFormed(result.InsertId));
        Assert.Equal(result.InsertId, json.Properties().GetProperty("$insert_id").GetString());
    }

    [Fact]
    public void Validate_MalformedInsertIdsDifferingAtTheStart_DeriveDifferentIds()
    {
        var suffix = new string('x', 40);

        var first = CreateSut().Validate(Create(properties: [("$insert_id", "a" + suffix)]));
        var second = CreateSut().Validate(Create(properties: [("$insert_id", "b" + suffix)]));

        Assert.NotEqual(first.InsertId, second.InsertId);
    }

    [Fact]
    public void Validate_MalformedInsertIdUnderRejectPolicy_Rejects()
    {
        var options = new MixpanelValidationOptions { InvalidInsertIdPolicy = InvalidInsertIdPolicy.Reject };

        var result = CreateSut(options).Validate(Create(properties: [("$insert_id", "a:b")]));

        Assert.Equal(ValidationCode.InsertIdInvalid, result.Rejection!.Code);
        Assert.Null(result.InsertId);
    }

    [Theory]
    [InlineData("time")]
    [InlineData("distinct_id")]
    [InlineData("$insert_id")]
    [InlineData("ip")]
    public void Validate_DuplicateReservedProperty_Rejects(string key)
    {
        var result = CreateSut().Validate(Create(properties: [(key, "x"), (key, "y")]));

        Assert.Equal(ValidationCode.DuplicateReservedProperty, result.Rejection!.Code);
        Assert.Equal("properties." + key, result.Rejection.Field);
    }

    [Fact]
    public void Validate_ValidEventTwice_WritesIdenticalBytes()
    {
        var mixpanelEvent = Create(properties: [("time", "2024-03-09T14:05:00+00:00"), ("note", new string('a', 300))]);

        var first = PreparedJson.Write(mixpanelEvent).Text;
        var second = PreparedJson.Write(mixpanelEvent).Text;

        Assert.Equal(first, second);
    }

    [Fact]
    public void Validate_MalformedInputs_NeverThrows()
    {
        var cyclic = new List<object?>();
        cyclic.Add(cyclic);
        var selfObject = new List<KeyValuePair<string, object?>>();
        selfObject.Add(new("self", selfObject));
        var validator = CreateSut();
        MixpanelEvent[] events =
        [
            Create(properties: [("cycle", cyclic)]),
            Create(properties: [("self", selfObject)]),
            Create(properties: [("thing", new object())]),
            Create(properties: [("handle", new Uri("https://example.com"))]),
            Create(properties: [((string)null!, 1)]),
            Create(properties: [("time", new object())]),
            Create(properties: [("distinct_id", new object())]),
            Create(properties: [("$insert_id", new object())]),
            Create(name: "\uD800", properties: [("distinct_id", "\uDC00"), ("\uD800", "\uDFFF")]),
            new MixpanelEvent(null, []),
        ];

        var results = events.Select(e => validator.Validate(e)).ToArray();

        Assert.Equal(events.Length, results.Length);
    }
}
