using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MixpanelSync.Page.Tests.Support;

/// <summary>A brand of one test, with a brand key and an HTTP client that sends it.</summary>
/// <param name="brandId">The brand id, unique to the test.</param>
/// <param name="key">The brand key that the page is opened with.</param>
/// <param name="api">A client of the silo that sends <paramref name="key"/> as <c>Authorization: Bearer</c>.</param>
public sealed class TestBrand(string brandId, string key, HttpClient api) : IDisposable
{
    public string BrandId { get; } = brandId;

    public string Key { get; } = key;

    public HttpClient Api { get; } = api;

    /// <summary>Connects a project through the API with a daily schedule at 03:00 in Europe/Oslo.</summary>
    public async Task ConnectAsync(string token, string residency = "us")
    {
        using var response = await Api.PostAsJsonAsync(
            $"/api/v1/brands/{BrandId}/integration",
            new
            {
                projectToken = token,
                residency,
                schedule = new { frequency = "daily", hour = 3, timeZone = "Europe/Oslo" },
            });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Connecting failed: {body}");
    }

    /// <summary>Sends valid <c>like</c> events that occur just after now, so that the next sync sends them.</summary>
    public async Task IngestAsync(int count, string prefix = "event")
    {
        var occurredAt = DateTimeOffset.UtcNow.AddSeconds(2).ToString("O", CultureInfo.InvariantCulture);
        var events = Enumerable.Range(1, count).Select(index => new Dictionary<string, object?>
        {
            ["event_id"] = $"{prefix}-{index}",
            ["type"] = "like",
            ["occurred_at"] = occurredAt,
            ["user_id"] = $"user-{index}",
            ["properties"] = new Dictionary<string, object?> { ["target_id"] = $"post-{index}" },
        });
        using var response = await Api.PostAsJsonAsync($"/api/v1/brands/{BrandId}/events", events);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Ingesting events failed: {body}");
        Assert.Equal(count, JsonDocument.Parse(body).RootElement.GetProperty("accepted").GetInt32());
    }

    /// <summary>Starts a sync through the API and waits until it has ended; returns the finished run.</summary>
    public async Task<JsonElement> SyncAsync()
    {
        using var response = await Api.PostAsync(
            new Uri($"/api/v1/brands/{BrandId}/integration/sync", UriKind.Relative),
            null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"Starting a sync failed: {body}");
        var runId = JsonDocument.Parse(body).RootElement.GetProperty("runId").GetString();

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var run = await Api.GetFromJsonAsync<JsonElement>($"/api/v1/brands/{BrandId}/runs/{runId}");
            if (run.GetProperty("endedAt").ValueKind != JsonValueKind.Null)
            {
                return run;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Run {runId} did not end within 60 seconds.");
            await Task.Delay(200);
        }
    }

    public void Dispose() => Api.Dispose();
}
