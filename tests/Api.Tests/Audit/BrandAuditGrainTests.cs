using Microsoft.Extensions.DependencyInjection;
using MixpanelSync.Api.Audit;
using MixpanelSync.Api.Tests.Support;

namespace MixpanelSync.Api.Tests.Audit;

[Collection(ApiCollection.Name)]
public sealed class BrandAuditGrainTests(ApiHostFixture fixture)
{
    [Fact]
    public void AppendCapped_OverCapacity_KeepsTheNewestEntries()
    {
        var entries = new List<AuditEntry>();

        for (var i = 0; i < 5; i++)
        {
            BrandAuditGrain.AppendCapped(entries, Entry(i), capacity: 3);
        }

        Assert.Equal(["entry 2", "entry 3", "entry 4"], entries.Select(entry => entry.Detail));
    }

    [Fact]
    public async Task List_SeveralEntries_ReturnsNewestFirstUpToTheLimit()
    {
        var grain = fixture.Services.GetRequiredService<IGrainFactory>()
            .GetGrain<IBrandAuditGrain>(ApiHostFixture.NewBrandId());
        for (var i = 0; i < 4; i++)
        {
            await grain.AppendAsync(Entry(i));
        }

        var entries = await grain.ListAsync(3);

        Assert.Equal(["entry 3", "entry 2", "entry 1"], entries.Select(entry => entry.Detail));
    }

    private static AuditEntry Entry(int number) =>
        new(DateTimeOffset.UtcNow.AddSeconds(number), "operator", "sync-now", true, $"entry {number}");
}
