using MixpanelSync.Page.Tests.Support;

namespace MixpanelSync.Page.Tests;

[Collection(PageCollection.Name)]
public sealed class ResponsiveTests(PageFixture fixture)
{
    private const int PhoneWidth = 360;
    private const int PhoneHeight = 740;

    [Fact]
    public async Task NarrowScreen_ConnectedPage_FitsWithoutSidewaysScroll()
    {
        using var brand = await fixture.CreateBrandAsync();
        await fixture.ConnectWithHistoryAsync(brand);

        await using var page = await fixture.OpenAsync(brand, PhoneWidth, PhoneHeight);
        await Microsoft.Playwright.Assertions.Expect(page.RunRows).ToHaveCountAsync(2);
        await Screenshots.SaveAsync(page.Page, "narrow");

        Assert.False(await page.ScrollsSidewaysAsync(), "The page is wider than the 360 px viewport.");
        var syncNow = await page.SyncNow.BoundingBoxAsync();
        Assert.NotNull(syncNow);
        Assert.True(syncNow.X >= 0, $"Sync now starts at x = {syncNow.X}, left of the viewport.");
        Assert.True(syncNow.X + syncNow.Width <= PhoneWidth, "Sync now ends right of the viewport.");
        Assert.True(syncNow.Height >= 44, $"Sync now is {syncNow.Height} px high; touch targets need 44 px.");
        var chart = await page.Page.Locator("#runs-chart svg").BoundingBoxAsync();
        Assert.NotNull(chart);
        Assert.True(chart.Width <= PhoneWidth, $"The chart is {chart.Width} px wide.");
    }
}
