using System.Globalization;
using System.Net;
using System.Text.Json;
using MixpanelSync.Cli.Tests.Support;
using MixpanelSync.Events.Schema;
using MixpanelSync.GrainInterfaces.Integration;
using MixpanelSync.Silo.Demo;

namespace MixpanelSync.Cli.Tests.Demo;

/// <summary>
/// Checks the demo's counts against counts taken straight from the raw sample files, and against the emulator.
/// </summary>
public sealed class DemoScenarioTests(DemoFixture fixture) : IClassFixture<DemoFixture>
{
    private static readonly string[] DemoBrands = ["demo-videos", "demo-shop", "demo-community"];

    public static TheoryData<string> BrandIds => new(DemoBrands);

    [Theory]
    [MemberData(nameof(BrandIds))]
    public void Ingest_SampleFile_StoresEveryRecord(string brandId)
    {
        var expected = ExpectedTotal(brandId);
        var ingest = Brand(brandId).Ingest;

        Assert.Equal(expected, ingest.Received);
        Assert.Equal(expected, ingest.Accepted);
        Assert.Equal(0, ingest.Duplicates);
        Assert.Equal(0, ingest.Rejected);
    }

    [Theory]
    [MemberData(nameof(BrandIds))]
    public void FirstRun_EventsOlderThanConnection_SkipsAll(string brandId)
    {
        var expected = ExpectedTotal(brandId);
        var run = Brand(brandId).Runs[0].Summary;

        Assert.Equal(SyncTrigger.Manual, run.Trigger);
        Assert.Equal(SyncOutcome.Succeeded, run.Outcome);
        Assert.Equal(expected, run.EventsRead);
        Assert.Equal(expected, run.EventsSkipped);
        Assert.Equal(0, run.EventsSent);
        Assert.Equal(0, Brand(brandId).Runs[0].Requests);
    }

    [Theory]
    [MemberData(nameof(BrandIds))]
    public void Backfill_PreviewedEvents_ImportsAll(string brandId)
    {
        var expected = ExpectedTotal(brandId);
        var brand = Brand(brandId);
        var run = brand.Runs[1].Summary;

        Assert.Equal(expected, brand.Preview.EventCount);
        Assert.Equal(SyncTrigger.Backfill, run.Trigger);
        Assert.Equal(SyncOutcome.Succeeded, run.Outcome);
        Assert.Equal(expected, run.EventsRead);
        Assert.Equal(0, run.EventsSkipped);
        Assert.Equal(expected, run.EventsSent);
        Assert.Equal(expected, run.EventsImported);
        Assert.Empty(run.RejectedByReason);

        // Mixpanel takes at most 2000 events per /import request.
        Assert.Equal((expected + 1999) / 2000, brand.Runs[1].Requests);
    }

    [Theory]
    [MemberData(nameof(BrandIds))]
    public void Emulator_DeduplicatedView_MatchesRawFileByType(string brandId)
    {
        var token = Brand(brandId).Dataset.ProjectToken;
        var stored = fixture.Host.Emulator.GetDeduplicatedEvents(token)
            .CountBy(storedEvent => TypeOf(storedEvent.Name))
            .ToDictionary(pair => pair.Key, pair => (long)pair.Value);

        Assert.Equal(ExpectedByType(brandId).OrderBy(pair => pair.Key), stored.OrderBy(pair => pair.Key));
        Assert.Equal(ExpectedTotal(brandId), fixture.Host.Emulator.GetEvents(token).Count);
    }

    [Fact]
    public void Summary_AllBrands_ReportsMatchWithinOneMinute()
    {
        Assert.True(fixture.Report.AllMatch, fixture.Output);
        Assert.Contains("Result: every count matches", fixture.Output, StringComparison.Ordinal);
        Assert.True(
            fixture.Report.SyncElapsed < TimeSpan.FromMinutes(1),
            $"The first sync took {fixture.Report.SyncElapsed}.");
    }

    [Fact]
    public void Summary_ProjectTokens_PrintedMaskedOnly()
    {
        foreach (var brand in fixture.Report.Brands)
        {
            Assert.DoesNotContain(brand.Dataset.ProjectToken, fixture.Output, StringComparison.Ordinal);
            Assert.Contains(brand.Dataset.ProjectToken[^4..], brand.Connection.MaskedToken, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task EventsPage_NameFilter_ReturnsThatNameOnly()
    {
        var token = Brand("demo-shop").Dataset.ProjectToken;
        var purchase = fixture.Host.Emulator.GetDeduplicatedEvents(token)
            .First(storedEvent => TypeOf(storedEvent.Name) == "purchase")
            .Name;
        using var http = new HttpClient { BaseAddress = fixture.Host.BaseAddress };

        var query = $"?name={Uri.EscapeDataString(purchase)}&limit=5";
        var json = await http.GetStringAsync(new Uri(DemoEndpoints.EventsPath("demo-shop") + query, UriKind.Relative));
        var events = JsonSerializer.Deserialize<JsonElement[]>(json)!;

        Assert.Equal(5, events.Length);
        Assert.All(events, stored => Assert.Equal(purchase, stored.GetProperty("event").GetString()));
    }

    [Fact]
    public async Task EventsPage_UnknownBrand_NotFoundNamingBrands()
    {
        using var http = new HttpClient { BaseAddress = fixture.Host.BaseAddress };

        using var response = await http.GetAsync(new Uri(DemoEndpoints.EventsPath("nope"), UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("demo-community", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IndexPage_AllBrands_ListsEventCounts()
    {
        using var http = new HttpClient { BaseAddress = fixture.Host.BaseAddress };

        var html = await http.GetStringAsync(new Uri(DemoEndpoints.IndexPath, UriKind.Relative));

        foreach (var brandId in DemoBrands)
        {
            Assert.Contains(brandId, html, StringComparison.Ordinal);
        }

        var communityEvents = ExpectedTotal("demo-community").ToString("N0", CultureInfo.InvariantCulture);
        Assert.Contains($"{communityEvents} events", html, StringComparison.Ordinal);
    }

    private BrandReport Brand(string brandId) =>
        fixture.Report.Brands.Single(brand => brand.Dataset.BrandId == brandId);

    // The sync names events by the schema's Mixpanel name (Video View) or by the type itself (video_view).
    private static string TypeOf(string eventName) =>
        EventSchema.Types.FirstOrDefault(type => type.MixpanelName == eventName || type.Type == eventName)?.Type
        ?? eventName;

    private static long ExpectedTotal(string brandId) => ExpectedByType(brandId).Values.Sum();

    private static Dictionary<string, long> ExpectedByType(string brandId) => brandId switch
    {
        "demo-videos" => SampleData.KuaiRandEventsByType(),
        "demo-shop" => SampleData.OttoEventsByType(),
        _ => SampleData.StackExchangeEventsByType(),
    };
}
