using System.Net.Http.Json;
using System.Text.Json;

namespace MixpanelSync.Api.Tests.Support;

/// <summary>JSON helpers for requests and responses.</summary>
public static class Json
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.False(string.IsNullOrEmpty(text), $"The {(int)response.StatusCode} response has no body.");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Reads a problem response and checks its status and content type.</summary>
    public static async Task<JsonElement> ReadProblemAsync(HttpResponseMessage response, int expectedStatus)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expectedStatus, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal(expectedStatus, problem.GetProperty("status").GetInt32());
        return problem;
    }

    public static string Detail(JsonElement problem) => problem.GetProperty("detail").GetString() ?? "";

    /// <summary>Returns the field names of a validation problem's <c>errors</c>.</summary>
    public static IReadOnlyList<string> ErrorFields(JsonElement problem) =>
        problem.TryGetProperty("errors", out var errors)
            ? [.. errors.EnumerateObject().Select(error => error.Name)]
            : [];

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body) =>
        client.PostAsJsonAsync(path, body);

    public static Task<HttpResponseMessage> PatchAsync(HttpClient client, string path, object body) =>
        client.PatchAsJsonAsync(path, body);
}
