using Microsoft.Playwright;
using MixpanelSync.MixpanelEmulator;
using MixpanelSync.Page.Tests.Support;

namespace MixpanelSync.Page.Tests;

[Collection(PageCollection.Name)]
public sealed class ConnectTests(PageFixture fixture)
{
    [Fact]
    public async Task Connect_UnknownToken_ShowsMixpanelReason()
    {
        using var brand = await fixture.CreateBrandAsync();
        await using var page = await fixture.OpenAsync(brand);

        await page.ProjectToken.FillAsync("tok-unknown-to-mixpanel");
        await page.SubmitSettings.ClickAsync();

        await Assertions.Expect(page.SettingsResult).ToContainTextAsync("Mixpanel rejected the credentials");
        await Assertions.Expect(page.SettingsResult).ToHaveClassAsync("result error");
        await Assertions.Expect(page.ProjectTokenError).ToContainTextAsync("401");
        await Assertions.Expect(page.ProjectToken).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.ProjectToken).ToBeFocusedAsync();
        await Assertions.Expect(page.StateBadge).ToHaveTextAsync("Not connected");
        Assert.Empty(page.UncaughtErrors);
    }

    [Fact]
    public async Task Connect_MissingToken_ShowsFieldError()
    {
        using var brand = await fixture.CreateBrandAsync();
        await using var page = await fixture.OpenAsync(brand);

        await page.SubmitSettings.ClickAsync();

        await Assertions.Expect(page.ProjectTokenError)
            .ToHaveTextAsync("Enter the Project Token of your Mixpanel project.");
        await Assertions.Expect(page.SettingsResult).ToContainTextAsync("Check the marked fields.");
        await Assertions.Expect(page.ProjectToken).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Connect_ValidToken_ShowsConnectedState()
    {
        using var brand = await fixture.CreateBrandAsync();
        var token = fixture.AddProject(EmulatorResidency.Eu);
        await using var page = await fixture.OpenAsync(brand);
        await Assertions.Expect(page.TimeZone).ToHaveValueAsync(PageFixture.BrowserTimeZone);

        await page.ProjectToken.FillAsync(token);
        await page.Page.GetByLabel("EU", new() { Exact = true }).CheckAsync();
        await page.Frequency.SelectOptionAsync("weekly");
        await page.Weekday.SelectOptionAsync("friday");
        await page.Hour.SelectOptionAsync("22");
        await page.SubmitSettings.ClickAsync();

        await Assertions.Expect(page.StateBadge).ToHaveTextAsync("Connected");
        await Assertions.Expect(page.StatusResult).ToContainTextAsync("Connected. Mixpanel accepted the Project Token");
        await Assertions.Expect(page.Fact("fact-token")).ToHaveTextAsync($"••••{token[^4..]}");
        await Assertions.Expect(page.Fact("fact-residency")).ToHaveTextAsync("EU");
        await Assertions.Expect(page.Fact("fact-schedule")).ToHaveTextAsync("Weekly on Friday at 22:00 (Europe/Oslo)");
        await Assertions.Expect(page.Fact("fact-connected")).Not.ToHaveTextAsync("–");
        await Assertions.Expect(page.Fact("fact-next")).ToContainTextAsync("Fri");
        await Assertions.Expect(page.Fact("fact-last")).ToHaveTextAsync("No sync has finished yet.");
        await Assertions.Expect(page.SyncNow).ToBeVisibleAsync();
        await Assertions.Expect(page.SettingsHeading).ToHaveTextAsync("Connection settings");
        await Assertions.Expect(page.ProjectToken).ToHaveValueAsync(string.Empty);
        Assert.DoesNotContain(token, await page.Page.ContentAsync(), StringComparison.Ordinal);
        Assert.Empty(page.UncaughtErrors);
    }

    [Fact]
    public async Task SaveChanges_MonthlySchedule_UpdatesStatus()
    {
        using var brand = await fixture.CreateBrandAsync();
        await brand.ConnectAsync(fixture.AddProject());
        await using var page = await fixture.OpenAsync(brand);
        await Assertions.Expect(page.Fact("fact-schedule")).ToHaveTextAsync("Daily at 03:00 (Europe/Oslo)");

        await page.Frequency.SelectOptionAsync("monthly");
        await page.DayOfMonth.SelectOptionAsync("31");
        await page.TimeZone.FillAsync("America/New_York");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        await Assertions.Expect(page.SettingsResult).ToContainTextAsync("Saved.");
        await Assertions.Expect(page.Fact("fact-schedule"))
            .ToHaveTextAsync("Monthly on day 31 at 03:00 (America/New_York)");
        await Assertions.Expect(page.StateBadge).ToHaveTextAsync("Connected");
    }

    [Fact]
    public async Task SaveChanges_UnknownTimeZone_ShowsFieldError()
    {
        using var brand = await fixture.CreateBrandAsync();
        await brand.ConnectAsync(fixture.AddProject());
        await using var page = await fixture.OpenAsync(brand);

        await page.TimeZone.FillAsync("Mars/Olympus_Mons");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        await Assertions.Expect(page.Page.Locator("#time-zone-error")).ToContainTextAsync("Mars/Olympus_Mons");
        await Assertions.Expect(page.TimeZone).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.SettingsResult).ToContainTextAsync("Saving failed");
        await Assertions.Expect(page.Fact("fact-schedule")).ToHaveTextAsync("Daily at 03:00 (Europe/Oslo)");
    }
}
