using Microsoft.Extensions.Time.Testing;
using static MixpanelSync.Mixpanel.Tests.TestEvents;

namespace MixpanelSync.Mixpanel.Tests.Validation;

public sealed class TimeValidationTests
{
    private static MixpanelEventValidator CreateSut() => new(
        new MixpanelValidationOptions(),
        new FakeTimeProvider(Now));

    private static EventValidationResult ValidateTime(
        object? time,
        MixpanelIngestionEndpoint endpoint = MixpanelIngestionEndpoint.Import) =>
        CreateSut().Validate(Create(properties: [("time", time)]), endpoint);

    public static TheoryData<object, long> NormalisedTimes => new()
    {
        { 1_709_993_100L, 1_709_993_100_000 },
        { 1_709_993_100_000L, 1_709_993_100_000 },
        { 1_709_993_100_000_000L, 1_709_993_100_000 },
        { 1_709_993_100.5, 1_709_993_100_500 },
        { 1_709_993_100.0004, 1_709_993_100_000 },
        { 1_709_993_100.0005, 1_709_993_100_001 },
        { 1_709_993_100_000.6, 1_709_993_100_001 },
        { 1_709_993_100_000_499L, 1_709_993_100_000 },
        { 1_709_993_100_000_500L, 1_709_993_100_001 },
        { 1_709_993_100, 1_709_993_100_000 },
        { 1_709_993_100.5m, 1_709_993_100_500 },
        { "1709993100", 1_709_993_100_000 },
        { "1709993100000", 1_709_993_100_000 },
        { "1709993100.5", 1_709_993_100_500 },
        { "2024-03-09T14:05:00+00:00", 1_709_993_100_000 },
        { "2024-03-09T14:05:00Z", 1_709_993_100_000 },
        { "2024-03-09T15:05:00+01:00", 1_709_993_100_000 },
        { "2024-03-09T09:05:00-0500", 1_709_993_100_000 },
        { "2024-03-09T16:05:00+02", 1_709_993_100_000 },
        { "2024-03-09T14:05:00.5Z", 1_709_993_100_500 },
        { "2024-03-09 14:05:00.1234567+00:00", 1_709_993_100_123 },
    };

    [Theory]
    [MemberData(nameof(NormalisedTimes))]
    public void Validate_TimeInAnyUnitOrIsoForm_NormalisesToMilliseconds(object time, long expected)
    {
        var result = ValidateTime(time);

        Assert.Null(result.Rejection);
        Assert.Equal(expected, result.Time);
    }

    [Fact]
    public void Validate_TimeInSecondsMillisecondsAndMicroseconds_WritesTheSameInteger()
    {
        object[] times = [1_709_993_100L, 1_709_993_100_000L, 1_709_993_100_000_000L, 1_709_993_100.5];

        var written = times
            .Select(t => PreparedJson.Write(Create(properties: [("time", t)])).Json.Properties().GetProperty("time"))
            .ToArray();

        Assert.All(written, w => Assert.Equal(System.Text.Json.JsonValueKind.Number, w.ValueKind));
        Assert.Equal(
            [1_709_993_100_000, 1_709_993_100_000, 1_709_993_100_000, 1_709_993_100_500],
            written.Select(w => w.GetInt64()));
    }

    [Fact]
    public void Validate_DateTimeOffset_UsesItsInstant()
    {
        var result = ValidateTime(new DateTimeOffset(2024, 3, 9, 15, 5, 0, TimeSpan.FromHours(1)));

        Assert.Equal(Time, result.Time);
    }

    [Fact]
    public void Validate_UtcDateTime_UsesItsInstant()
    {
        var result = ValidateTime(new DateTime(2024, 3, 9, 14, 5, 0, DateTimeKind.Utc));

        Assert.Equal(Time, result.Time);
    }

    [Fact]
    public void Validate_UnspecifiedDateTime_RejectsAsAmbiguous()
    {
        var result = ValidateTime(new DateTime(2024, 3, 9, 14, 5, 0, DateTimeKind.Unspecified));

        Assert.Equal(ValidationCode.TimeAmbiguous, result.Rejection!.Code);
    }

    [Theory]
    [InlineData("2024-03-09T14:05:00")]
    [InlineData("2024-03-09 14:05:00.250")]
    [InlineData("2024-03-09")]
    public void Validate_IsoWithoutOffset_RejectsAsAmbiguous(string time)
    {
        var result = ValidateTime(time);

        Assert.Equal(ValidationCode.TimeAmbiguous, result.Rejection!.Code);
        Assert.Equal("properties.time", result.Rejection.Field);
    }

    [Theory]
    [InlineData("not-a-date")]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2024-13-45T99:00:00Z")]
    [InlineData("09/03/2024 14:05 +00:00")]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(true)]
    public void Validate_UnparseableTime_RejectsWithoutCoercing(object time)
    {
        var result = ValidateTime(time);

        Assert.Equal(ValidationCode.TimeUnparseable, result.Rejection!.Code);
        Assert.Equal(0, result.Time);
    }

    [Fact]
    public void Validate_MissingTime_Rejects()
    {
        var result = CreateSut().Validate(Create(properties: [("time", Omit)]));

        Assert.Equal(ValidationCode.TimeMissing, result.Rejection!.Code);
    }

    [Fact]
    public void Validate_NullTime_Rejects()
    {
        Assert.Equal(ValidationCode.TimeMissing, ValidateTime(null).Rejection!.Code);
    }

    [Theory]
    [InlineData(86_400L)]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(999_999_999L)]
    [InlineData(10_000_000_000L)]
    [InlineData(500_000_000_000L)]
    [InlineData(999_999_999_999L)]
    [InlineData(10_000_000_000_000L)]
    [InlineData(999_999_999_999_999L)]
    [InlineData(10_000_000_000_000_000L)]
    [InlineData(long.MaxValue)]
    public void Validate_NumberOutsideUnitBands_RejectsAsOutOfRange(long time)
    {
        Assert.Equal(ValidationCode.TimeOutOfRange, ValidateTime(time).Rejection!.Code);
    }

    [Fact]
    public void Validate_FirstSecondOf1971_IsAccepted()
    {
        var result = ValidateTime(new DateTimeOffset(1971, 1, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(MixpanelLimits.MinEventTimeMilliseconds, result.Time);
    }

    [Fact]
    public void Validate_LastMillisecondOf1970_RejectsAsOutOfRange()
    {
        var result = ValidateTime(new DateTimeOffset(1970, 12, 31, 23, 59, 59, 999, TimeSpan.Zero));

        Assert.Equal(ValidationCode.TimeOutOfRange, result.Rejection!.Code);
    }

    [Fact]
    public void Validate_OneHourAhead_IsAccepted()
    {
        Assert.True(ValidateTime(Now.AddHours(1)).IsAccepted);
    }

    [Fact]
    public void Validate_MoreThanOneHourAhead_RejectsAsOutOfRange()
    {
        var result = ValidateTime(Now.AddHours(1).AddMilliseconds(1));

        Assert.Equal(ValidationCode.TimeOutOfRange, result.Rejection!.Code);
    }

    [Fact]
    public void Validate_TrackEventFiveDaysOld_IsAccepted()
    {
        Assert.True(ValidateTime(Now.AddDays(-5), MixpanelIngestionEndpoint.Track).IsAccepted);
    }

    [Fact]
    public void Validate_TrackEventOlderThanFiveDays_RejectsBeforeSending()
    {
        var result = ValidateTime(Now.AddDays(-5).AddMilliseconds(-1), MixpanelIngestionEndpoint.Track);

        Assert.Equal(ValidationCode.TimeTooOldForTrack, result.Rejection!.Code);
    }

    [Fact]
    public void Validate_ImportEventOlderThanFiveDays_IsAccepted()
    {
        var result = ValidateTime(1_709_467_200L);

        Assert.True(result.IsAccepted);
    }
}
