using Microsoft.Playwright;
using MixpanelSync.Page.Tests.Support;

namespace MixpanelSync.Page.Tests;

[Collection(PageCollection.Name)]
public sealed class AccessTests(PageFixture fixture)
{
    [Fact]
    public async Task Open_KeyInFragment_LeavesAddress()
    {
        using var brand = await fixture.CreateBrandAsync();

        await using var page = await fixture.OpenAsync(brand);

        Assert.DoesNotContain("key=", page.Page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Page.Locator("#access-brand")).ToHaveTextAsync(brand.BrandId);
        await Assertions.Expect(page.Page.Locator("#access-key")).ToHaveTextAsync($"••••{brand.Key[^4..]}");
        Assert.DoesNotContain(brand.Key, await page.Page.ContentAsync(), StringComparison.Ordinal);
        await Assertions.Expect(page.StateBadge).ToHaveTextAsync("Not connected");
        Assert.Empty(page.UncaughtErrors);
    }

    [Fact]
    public async Task Open_WrongKey_ShowsUnauthorized()
    {
        using var brand = await fixture.CreateBrandAsync();
        await using var page = await fixture.OpenBlankAsync();

        await page.Page.GetByLabel("Brand ID").FillAsync(brand.BrandId);
        await page.Page.GetByLabel("API key").FillAsync("bcc_not_a_valid_key_0000000000000000");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Open settings" }).ClickAsync();

        await Assertions.Expect(page.AccessResult).ToContainTextAsync("Unauthorized");
        await Assertions.Expect(page.AccessResult).ToContainTextAsync("not valid");
        await Assertions.Expect(page.StatusSection).ToBeHiddenAsync();
        await Assertions.Expect(page.Page.GetByLabel("API key")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Open_OtherBrandsKey_ShowsNotFound()
    {
        using var brand = await fixture.CreateBrandAsync();
        using var otherBrand = await fixture.CreateBrandAsync();
        await using var page = await fixture.OpenBlankAsync();

        await page.Page.GetByLabel("Brand ID").FillAsync(otherBrand.BrandId);
        await page.Page.GetByLabel("API key").FillAsync(brand.Key);
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Open settings" }).ClickAsync();

        await Assertions.Expect(page.AccessResult).ToContainTextAsync($"Brand '{otherBrand.BrandId}' was not found");
        await Assertions.Expect(page.StatusSection).ToBeHiddenAsync();
    }

    [Fact]
    public async Task UseAnotherKey_ForgetsKeyInTab()
    {
        using var brand = await fixture.CreateBrandAsync();
        await using var page = await fixture.OpenAsync(brand);

        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Use another key" }).ClickAsync();
        await page.Page.ReloadAsync();

        await Assertions.Expect(page.Page.GetByLabel("API key")).ToBeVisibleAsync();
        await Assertions.Expect(page.Page.GetByLabel("API key")).ToHaveValueAsync(string.Empty);
        await Assertions.Expect(page.StatusSection).ToBeHiddenAsync();
        var stored = await page.Page.EvaluateAsync<int>("() => sessionStorage.length");
        Assert.Equal(0, stored);
    }
}
