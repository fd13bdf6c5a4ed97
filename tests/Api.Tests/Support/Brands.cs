using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MixpanelSync.Api.Tests.Support;

/// <summary>Brand set-up shared by the tests: connecting, keys and events.</summary>
public static class Brands
{
    public static object DailySchedule(int hour = 3) =>
        new { frequency = "daily", hour, timeZone = "Europe/Oslo" };

    public static object ConnectBody(string token, string residency = "us") =>
        new { projectToken = token, residency, schedule = DailySchedule() };

    /// <summary>Connects a new emulator project to the brand and returns its token.</summary>
    public static async Task<string> ConnectAsync(ApiHostFixture fixture, string brandId)
    {
        var token = fixture.AddProject();
        using var client = fixture.CreateClient();
        using var response = await client.PostAsJsonAsync(
            $"/api/v1/brands/{brandId}/integration",
            ConnectBody(token));
        Assert.True(
            response.StatusCode == HttpStatusCode.Created,
            $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return token;
    }

    /// <summary>Creates a brand key through the operator and returns the key.</summary>
    public static async Task<(string KeyId, string Key)> CreateKeyAsync(ApiHostFixture fixture, string brandId)
    {
        using var client = fixture.CreateClient();
        using var response = await client.PostAsync(new Uri($"/api/v1/brands/{brandId}/keys", UriKind.Relative), null);
        var body = await Json.ReadAsync(response);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (body.GetProperty("keyId").GetString()!, body.GetProperty("key").GetString()!);
    }

    /// <summary>Returns a valid <c>like</c> event as a JSON object.</summary>
    public static Dictionary<string, object?> Event(string eventId, DateTimeOffset? occurredAt = null) => new()
    {
        ["event_id"] = eventId,
        ["type"] = "like",
        ["occurred_at"] = (occurredAt ?? DateTimeOffset.UtcNow).ToString("O", CultureInfo.InvariantCulture),
        ["user_id"] = "user-1",
        ["properties"] = new Dictionary<string, object?> { ["target_id"] = "post-1" },
    };

    /// <summary>Posts events as a JSON array and returns the response body.</summary>
    public static async Task<JsonElement> IngestAsync(HttpClient client, string brandId, IEnumerable<object> events)
    {
        using var response = await client.PostAsJsonAsync($"/api/v1/brands/{brandId}/events", events);
        var body = await Json.ReadAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.GetRawText());
        return body;
    }

    /// <summary>Waits until the brand has no run in progress and returns the integration.</summary>
    public static async Task<JsonElement> WaitForIdleAsync(HttpClient client, string brandId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var integration = await client.GetFromJsonAsync<JsonElement>($"/api/v1/brands/{brandId}/integration");
            var idle = integration.GetProperty("currentRun").ValueKind == JsonValueKind.Null
                && integration.GetProperty("state").GetString() != "syncing";
            if (idle || DateTime.UtcNow > deadline)
            {
                return integration;
            }

            await Task.Delay(100);
        }
    }
}
