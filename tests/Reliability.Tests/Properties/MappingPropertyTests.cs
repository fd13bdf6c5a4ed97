using System.Text;
using System.Text.Json;
using CsCheck;
using Microsoft.Extensions.Time.Testing;
using MixpanelSync.Events;
using MixpanelSync.Events.Mapping;
using MixpanelSync.Mixpanel;
using MixpanelSync.MixpanelEmulator;
using MixpanelSync.Reliability.Tests.Support;

namespace MixpanelSync.Reliability.Tests.Properties;

/// <summary>
/// Properties of mapping and validation over generated hostile brand events: each event is either rejected
/// with a reason or becomes valid UTF-8 JSON that the emulator's strict /import accepts, and mapping is
/// deterministic in the fields Mixpanel deduplicates by.
/// </summary>
public sealed class MappingPropertyTests : IAsyncLifetime
{
    private const string BrandId = "property-brand";
    private const string Token = "property-token";
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);
    private static readonly string[] DedupFields = ["time", "distinct_id", "$insert_id"];

    private readonly FakeTimeProvider _clock = new(HostileEvents.Now);
    private MixpanelEmulatorHost _emulator = null!;

    public async Task InitializeAsync()
    {
        _emulator = await MixpanelEmulatorHost.StartAsync(new MixpanelEmulatorOptions { TimeProvider = _clock });
        _emulator.AddProject(new EmulatorProject(Token));
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task AnyEvent_RejectedWithReasonOrImported()
    {
        using var import = new StrictImport(_emulator, Token);
        var validator = new MixpanelEventValidator(new MixpanelValidationOptions(), _clock);
        var rejected = 0;
        var accepted = 0;

        await HostileEvents.Event.List[20, 40].SampleAsync(
            async events =>
            {
                using var builder = new BatchBuilder(validator, new MixpanelBatchOptions());
                var expected = 0;
                for (var i = 0; i < events.Count; i++)
                {
                    var append = builder.Append(Map(events[i], sequence: i));
                    if (append.Validation.Rejection is { } rejection)
                    {
                        Assert.False(string.IsNullOrWhiteSpace(rejection.Message));
                        Assert.True(Enum.IsDefined(rejection.Code), $"Undefined code {rejection.Code}.");
                        rejected++;
                    }
                    else
                    {
                        expected++;
                    }

                    Assert.Null(append.CompletedBatch);
                }

                if (builder.Flush() is not { } batch)
                {
                    return;
                }

                AssertValidJsonLines(batch, expected);
                var (imported, failed) = await import.SendAsync(batch);
                Assert.True(imported == expected, $"Imported {imported} of {expected}: {failed}");
                accepted += expected;
            },
            iter: 40,
            threads: 1);

        Assert.True(accepted > 0, "No generated event passed validation.");
        Assert.True(rejected > 0, "No generated event was rejected.");
    }

    [Fact]
    public void AnyEvent_MappedTwice_SameDedupFields()
    {
        var validator = new MixpanelEventValidator(new MixpanelValidationOptions(), _clock);

        HostileEvents.Event.Sample(
            brandEvent =>
            {
                var first = Write(validator, Map(brandEvent, sequence: 1));
                var second = Write(validator, Map(brandEvent, sequence: 1));
                if (first is null || second is null)
                {
                    Assert.Equal(first is null, second is null);
                    return;
                }

                Assert.Equal(first, second);
                using var one = JsonDocument.Parse(first);
                using var two = JsonDocument.Parse(second);
                Assert.Equal(one.RootElement.GetProperty("event").GetRawText(),
                    two.RootElement.GetProperty("event").GetRawText());
                foreach (var field in DedupFields)
                {
                    Assert.Equal(
                        one.RootElement.GetProperty("properties").GetProperty(field).GetRawText(),
                        two.RootElement.GetProperty("properties").GetProperty(field).GetRawText());
                }
            },
            iter: 300,
            threads: 1);
    }

    private static MixpanelEvent Map(BrandEvent brandEvent, long sequence)
    {
        var settings = BrandMappingSettings.Default with
        {
            AllowedCustomProperties = brandEvent.Properties.Keys.ToHashSet(StringComparer.Ordinal),
        };
        return BrandEventMapper.Map(BrandId, brandEvent, settings, sequence)!;
    }

    /// <summary>Returns the line the library writes for the event, or null when validation rejects it.</summary>
    private static byte[]? Write(MixpanelEventValidator validator, MixpanelEvent mixpanelEvent)
    {
        using var builder = new BatchBuilder(validator, new MixpanelBatchOptions());
        return builder.Append(mixpanelEvent).Validation.IsAccepted ? builder.Flush()!.Decompress() : null;
    }

    private static void AssertValidJsonLines(PreparedBatch batch, int expected)
    {
        var text = StrictUtf8.GetString(batch.Decompress());
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expected, lines.Length);
        foreach (var line in lines)
        {
            using var document = JsonDocument.Parse(line);
            Assert.Equal(JsonValueKind.Object, document.RootElement.GetProperty("properties").ValueKind);
        }
    }
}
