using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MixpanelSync.Mixpanel;
using MixpanelSync.MixpanelEmulator;

namespace MixpanelSync.Reliability.Tests.Support;

/// <summary>
/// Posts prepared batches to an emulator's <c>/import?strict=1</c>, whose validation shares no code with the
/// delivery library's, and returns what it imported and rejected.
/// </summary>
internal sealed class StrictImport(MixpanelEmulatorHost emulator, string token) : IDisposable
{
    private readonly HttpClient _http = emulator.CreateHttpClient();

    /// <summary>Sends the batch and returns the count imported and the failed records' text.</summary>
    public async Task<(int Imported, string FailedRecords)> SendAsync(PreparedBatch batch)
    {
        using var content = new ByteArrayContent(batch.GzippedBody.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        content.Headers.ContentEncoding.Add("gzip");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/import?strict=1") { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(token + ":")));
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        var imported = json.RootElement.TryGetProperty("num_records_imported", out var count) ? count.GetInt32() : 0;
        var failed = json.RootElement.TryGetProperty("failed_records", out var records) ? records.GetRawText() : "";
        return (imported, failed);
    }

    public void Dispose() => _http.Dispose();
}
