using Microsoft.Playwright;

namespace MixpanelSync.Page.Tests.Support;

/// <summary>The settings page in its own browser context, with locators for the parts the tests use.</summary>
public sealed class SettingsPage(IBrowserContext context, IPage page) : IAsyncDisposable
{
    private readonly List<string> _uncaughtErrors = [];

    public IPage Page { get; } = page;

    /// <summary>Exceptions that the page's scripts did not catch.</summary>
    public IReadOnlyList<string> UncaughtErrors => _uncaughtErrors;

    public ILocator AccessResult => Page.Locator("#access-result");

    public ILocator StatusSection => Page.Locator("#status-section");

    public ILocator StateBadge => Page.Locator("#state-badge");

    public ILocator StatusResult => Page.Locator("#status-result");

    public ILocator SettingsHeading => Page.Locator("#settings-heading");

    public ILocator SettingsResult => Page.Locator("#settings-result");

    public ILocator ProjectToken => Page.Locator("#project-token");

    public ILocator ProjectTokenError => Page.Locator("#project-token-error");

    public ILocator Frequency => Page.Locator("#frequency");

    public ILocator Weekday => Page.Locator("#weekday");

    public ILocator DayOfMonth => Page.Locator("#day-of-month");

    public ILocator Hour => Page.Locator("#hour");

    public ILocator TimeZone => Page.Locator("#time-zone");

    public ILocator SubmitSettings => Page.Locator("#settings-submit");

    public ILocator SyncNow => Page.Locator("#sync-now");

    public ILocator Disconnect => Page.Locator("#disconnect");

    public ILocator Dialog => Page.Locator("#disconnect-dialog");

    public ILocator DialogCancel => Page.Locator("#disconnect-cancel");

    public ILocator DialogConfirm => Page.Locator("#disconnect-confirm");

    public ILocator RunRows => Page.Locator("#runs-table tbody tr");

    public ILocator ChartBars => Page.Locator("#runs-chart svg rect");

    public ILocator RejectedRows => Page.Locator("#rejected-table tbody tr");

    public ILocator RejectedResult => Page.Locator("#rejected-result");

    /// <summary>Returns the value shown for a fact of the status list, such as <c>fact-token</c>.</summary>
    public ILocator Fact(string id) => Page.Locator($"#{id}");

    public ILocator Residency(string value) => Page.Locator($"input[name='residency'][value='{value}']");

    /// <summary>Returns the id of the focused element, or its tag name when it has no id.</summary>
    public Task<string> FocusedElementAsync() =>
        Page.EvaluateAsync<string>(
            "() => document.activeElement?.id || document.activeElement?.tagName.toLowerCase() || ''");

    /// <summary>Returns whether the page is wider than the viewport, so that it scrolls sideways.</summary>
    public Task<bool> ScrollsSidewaysAsync() =>
        Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");

    internal void RecordUncaughtError(string error)
    {
        lock (_uncaughtErrors)
        {
            _uncaughtErrors.Add(error);
        }
    }

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}
