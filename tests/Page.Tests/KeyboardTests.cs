using Microsoft.Playwright;
using MixpanelSync.Page.Tests.Support;

namespace MixpanelSync.Page.Tests;

/// <summary>Uses the page with Tab, Enter, Space and typed text only, as a keyboard user does.</summary>
[Collection(PageCollection.Name)]
public sealed class KeyboardTests(PageFixture fixture)
{
    [Fact]
    public async Task Keyboard_ConnectAndDisconnect_WithoutPointer()
    {
        using var brand = await fixture.CreateBrandAsync();
        var token = fixture.AddProject();
        await using var page = await fixture.OpenBlankAsync();
        var keyboard = page.Page.Keyboard;

        await TabToAsync(page, "skip-link");
        await TabToAsync(page, "brand-id");
        await keyboard.TypeAsync(brand.BrandId);
        await TabToAsync(page, "api-key");
        await keyboard.TypeAsync(brand.Key);
        await TabToAsync(page, "access-submit");
        await keyboard.PressAsync("Enter");
        await Assertions.Expect(page.SettingsHeading).ToBeFocusedAsync();

        await TabToAsync(page, "project-token");
        await keyboard.TypeAsync(token);
        await TabToAsync(page, "residency-us");
        await TabToAsync(page, "frequency");
        await TabToAsync(page, "hour");
        await TabToAsync(page, "time-zone");
        await TabToAsync(page, "settings-submit");
        await AssertFocusIsVisibleAsync(page);
        await keyboard.PressAsync("Enter");
        await Assertions.Expect(page.StateBadge).ToHaveTextAsync("Connected");
        await Assertions.Expect(page.Page.Locator("#status-heading")).ToBeFocusedAsync();

        await TabToAsync(page, "sync-now");
        await TabToAsync(page, "disconnect");
        await AssertFocusIsVisibleAsync(page);
        await keyboard.PressAsync(" ");
        await Assertions.Expect(page.Dialog).ToBeVisibleAsync();
        await Assertions.Expect(page.DialogCancel).ToBeFocusedAsync();
        await TabToAsync(page, "disconnect-confirm");
        await keyboard.PressAsync("Enter");

        await Assertions.Expect(page.StateBadge).ToHaveTextAsync("Disconnected");
        await Assertions.Expect(page.Page.Locator("#status-heading")).ToBeFocusedAsync();
        Assert.Empty(page.UncaughtErrors);
    }

    private static async Task TabToAsync(SettingsPage page, string expectedId)
    {
        await page.Page.Keyboard.PressAsync("Tab");
        Assert.Equal(expectedId, await page.FocusedElementAsync());
    }

    private static async Task AssertFocusIsVisibleAsync(SettingsPage page)
    {
        var outline = await page.Page.EvaluateAsync<string>(
            """
            () => {
                const style = getComputedStyle(document.activeElement);
                return `${style.outlineStyle} ${style.outlineWidth}`;
            }
            """);
        Assert.Equal("solid 3px", outline);
    }
}
