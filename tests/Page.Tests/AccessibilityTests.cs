using Microsoft.Playwright;
using MixpanelSync.Page.Tests.Support;
using Xunit.Abstractions;

namespace MixpanelSync.Page.Tests;

/// <summary>
/// Checks the page with axe-core in its main states. Serious and critical violations fail a test; every
/// violation is written to the test output.
/// </summary>
[Collection(PageCollection.Name)]
public sealed class AccessibilityTests(PageFixture fixture, ITestOutputHelper output)
{
    private static readonly string[] FailingImpacts = ["serious", "critical"];

    [Fact]
    public async Task Axe_ConnectedPage_NoSeriousViolations()
    {
        using var brand = await fixture.CreateBrandAsync();
        await fixture.ConnectWithHistoryAsync(brand);
        await using var page = await fixture.OpenAsync(brand, bypassContentSecurityPolicy: true);
        await Assertions.Expect(page.RunRows).ToHaveCountAsync(2);
        await Assertions.Expect(page.RejectedRows).ToHaveCountAsync(3);
        await Screenshots.SaveAsync(page.Page, "connected");

        var violations = await Axe.RunAsync(page.Page);

        Assert.Empty(Failing(violations));
    }

    [Fact]
    public async Task Axe_ConnectFormWithError_NoSeriousViolations()
    {
        using var brand = await fixture.CreateBrandAsync();
        await using var page = await fixture.OpenAsync(brand, bypassContentSecurityPolicy: true);
        await page.ProjectToken.FillAsync("tok-unknown-to-mixpanel");
        await page.SubmitSettings.ClickAsync();
        await Assertions.Expect(page.ProjectTokenError).Not.ToBeEmptyAsync();

        var violations = await Axe.RunAsync(page.Page);

        Assert.Empty(Failing(violations));
    }

    [Fact]
    public async Task Axe_DisconnectDialogOpen_NoSeriousViolations()
    {
        using var brand = await fixture.CreateBrandAsync();
        await brand.ConnectAsync(fixture.AddProject());
        await using var page = await fixture.OpenAsync(brand, bypassContentSecurityPolicy: true);
        await page.Disconnect.ClickAsync();
        await Assertions.Expect(page.Dialog).ToBeVisibleAsync();

        var violations = await Axe.RunAsync(page.Page);

        Assert.Empty(Failing(violations));
    }

    [Fact]
    public async Task Axe_AccessForm_NoSeriousViolations()
    {
        await using var page = await fixture.OpenBlankAsync(bypassContentSecurityPolicy: true);
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Open settings" }).ClickAsync();
        await Assertions.Expect(page.Page.Locator("#brand-id-error")).Not.ToBeEmptyAsync();

        var violations = await Axe.RunAsync(page.Page);

        Assert.Empty(Failing(violations));
    }

    private List<AxeViolation> Failing(IReadOnlyList<AxeViolation> violations)
    {
        output.WriteLine($"axe-core found {violations.Count} violations.");
        foreach (var violation in violations)
        {
            output.WriteLine(violation.ToString());
        }

        return [.. violations.Where(violation => FailingImpacts.Contains(violation.Impact))];
    }
}
