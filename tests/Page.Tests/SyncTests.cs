using System.Text.Json.Nodes;
using Microsoft.Playwright;
using MixpanelSync.Page.Tests.Support;

namespace MixpanelSync.Page.Tests;

[Collection(PageCollection.Name)]
public sealed class SyncTests(PageFixture fixture)
{
    [Fact]
    public async Task SyncNow_Connected_ShowsRunInHistory()
    {
        using var brand = await fixture.CreateBrandAsync();
        var token = fixture.AddProject();
        await brand.ConnectAsync(token);
        await brand.IngestAsync(3);
        await using var page = await fixture.OpenAsync(brand);
        await Assertions.Expect(page.RunRows).ToHaveCountAsync(0);

        await page.SyncNow.ClickAsync();

        await Assertions.Expect(page.StatusResult)
            .ToHaveTextAsync("Sync finished: Succeeded. 3 sent: 3 imported, 0 rejected.");
        await Assertions.Expect(page.RunRows).ToHaveCountAsync(1);
        var cells = page.RunRows.First.Locator("td");
        await Assertions.Expect(cells.Nth(1)).ToHaveTextAsync("Sync now");
        await Assertions.Expect(cells.Nth(2)).ToHaveTextAsync("Succeeded");
        await Assertions.Expect(cells.Nth(4)).ToHaveTextAsync("3");
        await Assertions.Expect(cells.Nth(5)).ToHaveTextAsync("3");
        await Assertions.Expect(page.ChartBars).ToHaveCountAsync(1);
        await Assertions.Expect(page.Fact("fact-last")).ToContainTextAsync("3 sent: 3 imported, 0 rejected");
        Assert.Equal(3, fixture.Emulator.GetDeduplicatedEvents(token).Count);
        Assert.Empty(page.UncaughtErrors);
    }

    [Fact]
    public async Task ReplayAll_RejectedEvents_ImportsThem()
    {
        using var brand = await fixture.CreateBrandAsync();
        var token = await fixture.ConnectWithHistoryAsync(brand);
        await using var page = await fixture.OpenAsync(brand);
        await Assertions.Expect(page.RejectedRows).ToHaveCountAsync(3);
        await Assertions.Expect(page.RejectedRows.First).ToContainTextAsync("rejected-1");
        await Assertions.Expect(page.RejectedRows.First).ToContainTextAsync("properties.time");
        await Assertions.Expect(page.RejectedRows.First).ToContainTextAsync("rejected by Mixpanel");
        await Assertions.Expect(page.RejectedRows.First.Locator("td").Nth(4))
            .ToHaveTextAsync("'properties.time' is invalid: must not be more than 1 hour in the future");

        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Replay all rejected events" }).ClickAsync();

        await Assertions.Expect(page.RejectedResult)
            .ToHaveTextAsync("Replay finished: Succeeded. 3 sent: 3 imported, 0 rejected.");
        await Assertions.Expect(page.RejectedRows).ToHaveCountAsync(0);
        await Assertions.Expect(page.Page.Locator("#rejected-empty")).ToBeVisibleAsync();
        await Assertions.Expect(page.RunRows).ToHaveCountAsync(3);
        await Assertions.Expect(page.RunRows.First.Locator("td").Nth(1)).ToHaveTextAsync("Replay");
        Assert.Equal(9, fixture.Emulator.GetDeduplicatedEvents(token).Count);
    }

    [Fact]
    public async Task RejectedMessage_WithMarkup_ShownAsText()
    {
        const string markup = "<b id=\"injected\">bold</b> & <img src=x>";
        using var brand = await fixture.CreateBrandAsync();
        await fixture.ConnectWithHistoryAsync(brand);
        await using var page = await fixture.OpenBlankAsync();

        // The API's response is changed in the browser, because the emulator's messages contain no markup.
        await page.Page.RouteAsync("**/rejected-events?**", async route =>
        {
            var response = await route.FetchAsync();
            var body = JsonNode.Parse(await response.TextAsync())!;
            body["events"]![0]!["message"] = markup;
            await route.FulfillAsync(new() { Response = response, Body = body.ToJsonString() });
        });
        var fragment = $"#brand={Uri.EscapeDataString(brand.BrandId)}&key={Uri.EscapeDataString(brand.Key)}";
        await page.Page.GotoAsync(fixture.PageAddress + fragment);
        await page.Page.ReloadAsync();

        await Assertions.Expect(page.RejectedRows).ToHaveCountAsync(3);
        await Assertions.Expect(page.RejectedRows.First.Locator("td").Nth(4)).ToHaveTextAsync(markup);
        await Assertions.Expect(page.Page.Locator("#injected")).ToHaveCountAsync(0);
        await Assertions.Expect(page.RejectedRows.Locator("img")).ToHaveCountAsync(0);
        Assert.Empty(page.UncaughtErrors);
    }

    [Fact]
    public async Task ReplayOne_RejectedEvent_LeavesTheOthers()
    {
        using var brand = await fixture.CreateBrandAsync();
        await fixture.ConnectWithHistoryAsync(brand);
        await using var page = await fixture.OpenAsync(brand);

        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Replay event rejected-2" }).ClickAsync();

        await Assertions.Expect(page.RejectedResult)
            .ToHaveTextAsync("Replay finished: Succeeded. 1 sent: 1 imported, 0 rejected.");
        await Assertions.Expect(page.RejectedRows).ToHaveCountAsync(2);
        await Assertions.Expect(page.Page.Locator("#rejected-table")).Not.ToContainTextAsync("rejected-2");
    }
}
