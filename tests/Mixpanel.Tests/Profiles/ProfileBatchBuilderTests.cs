using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using static MixpanelSync.Mixpanel.Tests.TestEvents;

namespace MixpanelSync.Mixpanel.Tests.Profiles;

public sealed class ProfileBatchBuilderTests
{
    private static ProfileBatchBuilder CreateSut() => new(
        new MixpanelEventValidator(new MixpanelValidationOptions(), new FakeTimeProvider(Now)),
        new MixpanelBatchOptions(),
        DeliveryHarness.Token);

    private static ProfileUpdate Update(int index, ProfileOperation operation = ProfileOperation.Set) => new(
        $"fan-{index}",
        operation,
        [Member("tier", "gold"), Member("favorite_artist", "Band A")],
        index);

    [Fact]
    public void Append_2500Updates_CutsBatchesOf2000()
    {
        using var builder = CreateSut();
        var batches = new List<PreparedBatch>();

        foreach (var update in Enumerable.Range(0, 2500).Select(i => Update(i)))
        {
            if (builder.Append(update).CompletedBatch is { } batch)
            {
                batches.Add(batch);
            }
        }

        batches.Add(builder.Flush()!);

        Assert.Equal([2000, 500], batches.Select(b => b.EventCount));
        Assert.All(batches, b => Assert.True(b.IsProfileBatch));
    }

    [Fact]
    public void Flush_Update_WritesTokenDistinctIdIpAndOperation()
    {
        using var builder = CreateSut();
        builder.Append(Update(1, ProfileOperation.SetOnce));

        var line = System.Text.Encoding.UTF8.GetString(builder.Flush()!.Decompress()).TrimEnd('\n');

        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.Equal(DeliveryHarness.Token, root.GetProperty("$token").GetString());
        Assert.Equal("fan-1", root.GetProperty("$distinct_id").GetString());
        Assert.Equal("0", root.GetProperty("$ip").GetString());
        Assert.Equal("gold", root.GetProperty("$set_once").GetProperty("tier").GetString());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Flush_Delete_WritesDeleteAndIgnoreAlias(bool ignoreAlias)
    {
        using var builder = CreateSut();
        builder.Append(ProfileUpdate.Delete("fan-1", ignoreAlias));

        var line = System.Text.Encoding.UTF8.GetString(builder.Flush()!.Decompress()).TrimEnd('\n');

        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.Equal(DeliveryHarness.Token, root.GetProperty("$token").GetString());
        Assert.Equal("fan-1", root.GetProperty("$distinct_id").GetString());
        Assert.Equal("", root.GetProperty("$delete").GetString());
        Assert.Equal(ignoreAlias, root.GetProperty("$ignore_alias").GetBoolean());
        Assert.False(root.TryGetProperty("$set", out _));
    }

    [Fact]
    public void Append_DeleteWithProperties_Rejects()
    {
        using var builder = CreateSut();

        var result = builder.Append(new ProfileUpdate("fan-1", ProfileOperation.Delete, [Member("tier", "gold")]));

        Assert.NotNull(result.Validation.Rejection);
        Assert.Equal("properties", result.Validation.Rejection!.Field);
        Assert.Null(builder.Flush());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("undefined")]
    public void Append_UnusableDistinctId_Rejects(string? distinctId)
    {
        using var builder = CreateSut();

        var result = builder.Append(new ProfileUpdate(distinctId, ProfileOperation.Set, [Member("tier", "gold")]));

        Assert.Equal(ValidationCode.DistinctIdMissing, result.Validation.Rejection!.Code);
    }

    [Fact]
    public void Append_NonFiniteValue_Rejects()
    {
        using var builder = CreateSut();

        var result = builder.Append(new ProfileUpdate("fan-1", ProfileOperation.Set, [Member("score", double.NaN)]));

        Assert.Equal(ValidationCode.NonFiniteNumber, result.Validation.Rejection!.Code);
    }

    [Fact]
    public async Task SendAsync_ProfileBatch_PostsFormToEngageWithVerbose()
    {
        using var harness = new DeliveryHarness((_, _) =>
            Task.FromResult(FakeMixpanelHandler.Json(HttpStatusCode.OK, """{"status":1,"error":null}""")));
        using var builder = CreateSut();
        builder.Append(Update(1));
        builder.Append(Update(2));

        var result = await harness.Client.SendAsync(DeliveryHarness.Target(MixpanelResidency.In), builder.Flush()!);

        Assert.Equal(2, result.ImportedCount);
        var request = Assert.Single(harness.Handler.Requests);
        Assert.Equal("https://api-in.mixpanel.com/engage?verbose=1", request.Uri.AbsoluteUri);
        Assert.Equal("application/x-www-form-urlencoded", request.MediaType);
        Assert.Equal(["fan-1", "fan-2"], request.Events().Select(e => e.GetProperty("$distinct_id").GetString()));
    }

    [Fact]
    public async Task SendAsync_EngageStatusZero_RejectsUpdates()
    {
        using var harness = new DeliveryHarness((_, _) =>
            Task.FromResult(FakeMixpanelHandler.Json(
                HttpStatusCode.OK,
                """{"status":0,"error":"$set must be an object"}""")));
        using var builder = CreateSut();
        builder.Append(Update(1));

        var result = await harness.Client.SendAsync(DeliveryHarness.Target(), builder.Flush()!);

        Assert.Equal(OutcomeReason.RejectedByMixpanel, Assert.Single(result.Outcomes).Reason);
    }

    [Fact]
    public async Task SendAsync_ProfileBatchWithoutToken_Throws()
    {
        using var harness = new DeliveryHarness((_, _) => Task.FromResult(FakeMixpanelHandler.ImportOk(1)));
        using var builder = CreateSut();
        builder.Append(Update(1));
        var target = MixpanelTarget.ForServiceAccount(
            MixpanelResidency.Us,
            new ServiceAccountCredentials("u", "s", "1"));

        await Assert.ThrowsAsync<ArgumentException>(() => harness.Client.SendAsync(target, builder.Flush()!));
    }

    [Fact]
    public async Task SendAsync_ProfileBatchTooLarge_SplitsIntoValidForms()
    {
        using var harness = new DeliveryHarness((request, _) => Task.FromResult(request.Events().Count > 2
            ? FakeMixpanelHandler.Text(HttpStatusCode.RequestEntityTooLarge, "<html>413</html>")
            : FakeMixpanelHandler.Json(HttpStatusCode.OK, """{"status":1,"error":null}""")));
        using var builder = CreateSut();
        foreach (var index in Enumerable.Range(0, 5))
        {
            builder.Append(Update(index));
        }

        var result = await harness.Client.SendAsync(DeliveryHarness.Target(), builder.Flush()!);

        Assert.Equal(5, result.ImportedCount);
        var delivered = harness.Handler.Requests
            .Where(r => r.Events().Count <= 2)
            .SelectMany(r => r.Events())
            .Select(e => e.GetProperty("$distinct_id").GetString());
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"fan-{i}"), delivered.Order());
    }
}
