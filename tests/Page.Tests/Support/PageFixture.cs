using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Playwright;
using MixpanelSync.Api.Hosting;
using MixpanelSync.MixpanelEmulator;
using MixpanelSync.Testing.Processes;

namespace MixpanelSync.Page.Tests.Support;

/// <summary>
/// A Mixpanel emulator, a silo process and a headless Chromium, shared by the page tests. Both servers listen on
/// 127.0.0.1 only, and the browser visits only the silo. Tests stay independent by creating a brand of their own
/// (<see cref="CreateBrandAsync"/>) and a new browser context (<see cref="OpenAsync"/>).
/// </summary>
public sealed class PageFixture : IAsyncLifetime
{
    /// <summary>The operator key of the silo, which the tests use only to create brand keys.</summary>
    public const string OperatorKey = "operator-key-for-page-tests-0123456789abcdef";

    /// <summary>Debian's Chromium, so that Playwright downloads no browser of its own.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>The time zone of the browser contexts, which the page offers as the schedule's default.</summary>
    public const string BrowserTimeZone = "Europe/Oslo";

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("page-tests-").FullName;
    private MixpanelEmulatorHost? _emulator;
    private SiloProcess? _silo;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public MixpanelEmulatorHost Emulator =>
        _emulator ?? throw new InvalidOperationException("The emulator has not started.");

    /// <summary>The emulator's clock. A test may shift it, because the collection runs one test at a time.</summary>
    public ShiftedClock EmulatorClock { get; } = new();

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    /// <summary>The settings page on the silo, with the trailing slash its relative links need.</summary>
    public Uri PageAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Expect(...) retries until this timeout, which leaves room for a sync run and the page's polling.
        Assertions.SetDefaultExpectTimeout(20_000);
        try
        {
            await StartServersAsync();
            await LaunchBrowserAsync();
        }
        catch
        {
            // Stops whatever did start, so that a failed start leaves no silo process behind.
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>Closes the browser and stops the servers. A second call does nothing.</summary>
    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
            _browser = null;
        }

        _playwright?.Dispose();
        _playwright = null;
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
            _silo = null;
        }

        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
            _emulator = null;
        }

        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    /// <summary>Creates a brand with a new brand key, made through the operator key.</summary>
    public async Task<TestBrand> CreateBrandAsync()
    {
        var brandId = "page-" + Guid.NewGuid().ToString("N")[..12];
        using var client = CreateClient(OperatorKey);
        using var response = await client.PostAsync(new Uri($"/api/v1/brands/{brandId}/keys", UriKind.Relative), null);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Creating a brand key failed: {text}");
        var key = JsonDocument.Parse(text).RootElement.GetProperty("key").GetString()!;
        return new TestBrand(brandId, key, CreateClient(key));
    }

    /// <summary>
    /// Connects a new project to the brand and gives it two finished runs: one that imports 6 events and one in
    /// which Mixpanel's stand-in rejects 3 events as too far in the future. Returns the project token.
    /// </summary>
    public async Task<string> ConnectWithHistoryAsync(TestBrand brand)
    {
        var token = AddProject();
        await brand.ConnectAsync(token);
        await brand.IngestAsync(6, "imported");
        await brand.SyncAsync();

        await brand.IngestAsync(3, "rejected");
        EmulatorClock.Offset = TimeSpan.FromHours(-2);
        try
        {
            await brand.SyncAsync();
        }
        finally
        {
            EmulatorClock.Offset = TimeSpan.Zero;
        }

        return token;
    }

    /// <summary>Adds a project to the emulator and returns its token.</summary>
    public string AddProject(EmulatorResidency residency = EmulatorResidency.Us)
    {
        var token = "tok" + Guid.NewGuid().ToString("N");
        Emulator.AddProject(new EmulatorProject(token) { Residency = residency });
        return token;
    }

    /// <summary>
    /// Opens the settings page for a brand in a new browser context, with the key in the URL fragment as a link
    /// from the brand's account would carry it, and waits until the page has loaded the brand.
    /// </summary>
    /// <param name="brand">The brand whose key the page uses.</param>
    /// <param name="width">The viewport width in CSS pixels.</param>
    /// <param name="height">The viewport height in CSS pixels.</param>
    /// <param name="bypassContentSecurityPolicy">
    /// Whether scripts that the test adds may run despite the page's Content-Security-Policy, as axe-core needs.
    /// </param>
    public async Task<SettingsPage> OpenAsync(
        TestBrand brand,
        int width = 1280,
        int height = 900,
        bool bypassContentSecurityPolicy = false)
    {
        var page = await NewPageAsync(width, height, bypassContentSecurityPolicy);
        var fragment = $"#brand={Uri.EscapeDataString(brand.BrandId)}&key={Uri.EscapeDataString(brand.Key)}";
        await page.Page.GotoAsync(PageAddress + fragment);
        await Assertions.Expect(page.StatusSection).ToBeVisibleAsync();
        return page;
    }

    /// <summary>Opens the settings page without a key in a new browser context.</summary>
    public async Task<SettingsPage> OpenBlankAsync(
        int width = 1280,
        int height = 900,
        bool bypassContentSecurityPolicy = false)
    {
        var page = await NewPageAsync(width, height, bypassContentSecurityPolicy);
        await page.Page.GotoAsync(PageAddress.ToString());
        return page;
    }

    private async Task<SettingsPage> NewPageAsync(int width, int height, bool bypassContentSecurityPolicy)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "en-GB",
            TimezoneId = BrowserTimeZone,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            BypassCSP = bypassContentSecurityPolicy,
        });
        var page = await context.NewPageAsync();
        var settingsPage = new SettingsPage(context, page);
        page.PageError += (_, error) => settingsPage.RecordUncaughtError(error);
        return settingsPage;
    }

    private async Task StartServersAsync()
    {
        var options = new MixpanelEmulatorOptions { TimeProvider = EmulatorClock };
        _emulator = await MixpanelEmulatorHost.StartAsync(options);
        _silo = SiloProcess.Start(SiloSettings());
        await _silo.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90));
        PageAddress = new Uri(_silo.BaseAddress, SettingsPageExtensions.PagePath + "/");
        await CheckPageIsServedAsync();
    }

    private async Task LaunchBrowserAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium is missing at {ChromiumPath}. Install the Debian package: apt-get install chromium.");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
            Timeout = 30_000,
        });
    }

    private HttpClient CreateClient(string key)
    {
        var client = new HttpClient { BaseAddress = _silo!.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private async Task CheckPageIsServedAsync()
    {
        using var client = new HttpClient { BaseAddress = _silo!.BaseAddress };
        using var response = await client.GetAsync(PageAddress);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException(
                $"GET {PageAddress} returned {(int)response.StatusCode}, so the silo does not serve the settings "
                + "page. The host must call app.MapSettingsPage() (MixpanelSync.Api.Hosting).");
        }
    }

    private Dictionary<string, string> SiloSettings() => new()
    {
        ["Sync:DataDirectory"] = Path.Combine(_dataDirectory, "data"),
        ["Sync:SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
        ["Sync:GatewayPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
        ["Api:OperatorKey"] = OperatorKey,
        ["Api:RateLimitPermits"] = "100000",
        ["MixpanelSync:UsBaseAddress"] = Emulator.GetBaseAddress(EmulatorResidency.Us).ToString(),
        ["MixpanelSync:EuBaseAddress"] = Emulator.GetBaseAddress(EmulatorResidency.Eu).ToString(),
        ["MixpanelSync:IndiaBaseAddress"] = Emulator.GetBaseAddress(EmulatorResidency.India).ToString(),
        ["MixpanelSync:InitialBackoff"] = "00:00:00.020",
        ["MixpanelSync:MaxBackoff"] = "00:00:00.100",
        ["MixpanelSync:MaxJitter"] = "00:00:00.010",
        ["MixpanelSync:MaxAttempts"] = "2",
    };
}
