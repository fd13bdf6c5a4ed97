using Microsoft.Playwright;
using MixpanelSync.Page.Tests.Support;

namespace MixpanelSync.Page.Tests;

[Collection(PageCollection.Name)]
public sealed class DisconnectTests(PageFixture fixture)
{
    [Fact]
    public async Task Disconnect_ConfirmedInDialog_ShowsDisconnected()
    {
        using var brand = await fixture.CreateBrandAsync();
        await fixture.ConnectWithHistoryAsync(brand);
        await using var page = await fixture.OpenAsync(brand);

        await page.Disconnect.ClickAsync();
        await Assertions.Expect(page.Dialog).ToBeVisibleAsync();
        await Assertions.Expect(page.Dialog)
            .ToContainTextAsync("Historical data already pushed stays in your Mixpanel project.");
        await Assertions.Expect(page.DialogCancel).ToBeFocusedAsync();
        await page.DialogConfirm.ClickAsync();

        await Assertions.Expect(page.Dialog).ToBeHiddenAsync();
        await Assertions.Expect(page.StateBadge).ToHaveTextAsync("Disconnected");
        await Assertions.Expect(page.StatusResult)
            .ToContainTextAsync("Disconnected. History and rejected events are kept.");
        await Assertions.Expect(page.SyncNow).ToBeHiddenAsync();
        await Assertions.Expect(page.Fact("fact-next")).ToHaveTextAsync("None while disconnected");
        await Assertions.Expect(page.SubmitSettings).ToHaveTextAsync("Connect");
        await Assertions.Expect(page.RunRows).ToHaveCountAsync(2);
        await Assertions.Expect(page.RejectedRows).ToHaveCountAsync(3);
        await Assertions.Expect(page.RejectedRows.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Assertions.Expect(page.Page.Locator("#status-heading")).ToBeFocusedAsync();
        await Screenshots.SaveAsync(page.Page, "disconnected");
        Assert.Empty(page.UncaughtErrors);
    }

    [Fact]
    public async Task Disconnect_Cancelled_StaysConnected()
    {
        using var brand = await fixture.CreateBrandAsync();
        await brand.ConnectAsync(fixture.AddProject());
        await using var page = await fixture.OpenAsync(brand);

        await page.Disconnect.ClickAsync();
        await page.DialogCancel.ClickAsync();

        await Assertions.Expect(page.Dialog).ToBeHiddenAsync();
        await Assertions.Expect(page.Disconnect).ToBeFocusedAsync();
        await Assertions.Expect(page.StateBadge).ToHaveTextAsync("Connected");
        using var response = await brand.Api.GetAsync(
            new Uri($"/api/v1/brands/{brand.BrandId}/integration", UriKind.Relative));
        var integration = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"state\":\"connected\"", integration, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disconnect_EscapeKey_ClosesDialogWithoutDisconnecting()
    {
        using var brand = await fixture.CreateBrandAsync();
        await brand.ConnectAsync(fixture.AddProject());
        await using var page = await fixture.OpenAsync(brand);

        await page.Disconnect.ClickAsync();
        await page.Page.Keyboard.PressAsync("Escape");

        await Assertions.Expect(page.Dialog).ToBeHiddenAsync();
        await Assertions.Expect(page.StateBadge).ToHaveTextAsync("Connected");
        await Assertions.Expect(page.StatusResult).ToBeEmptyAsync();
    }
}
