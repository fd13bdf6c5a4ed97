using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace MixpanelSync.IngestLoad;

/// <summary>Sends prepared bodies to the ingestion endpoint with a fixed number of requests in flight.</summary>
internal sealed class IngestRunner(Uri baseAddress, string operatorKey, string brandId, int concurrency) : IDisposable
{
    private readonly HttpClient _client = new(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromMinutes(5),
    };

    /// <summary>Sends every body once and returns the totals the service reported.</summary>
    public async Task<IngestResult> RunAsync(IReadOnlyList<byte[]> bodies)
    {
        var next = -1;
        var totals = new IngestResult();
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < bodies.Count)
            {
                var counts = await SendAsync(bodies[index]);
                lock (totals)
                {
                    totals.Add(counts);
                }
            }
        });
        await Task.WhenAll(workers);
        totals.Elapsed = clock.Elapsed;
        return totals;
    }

    private async Task<IngestResult> SendAsync(byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        content.Headers.ContentEncoding.Add("gzip");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/v1/brands/{brandId}/events")
        {
            Content = content,
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", operatorKey);

        using var response = await _client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            await Console.Error.WriteLineAsync($"Request failed with {(int)response.StatusCode}: {text}");
            return new IngestResult { FailedRequests = 1 };
        }

        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        return new IngestResult
        {
            Requests = 1,
            Received = root.GetProperty("received").GetInt64(),
            Accepted = root.GetProperty("accepted").GetInt64(),
            Duplicates = root.GetProperty("duplicates").GetInt64(),
            Rejected = root.GetProperty("rejectedCount").GetInt64(),
        };
    }

    public void Dispose() => _client.Dispose();
}

/// <summary>The counts of a load run, as the service reported them.</summary>
internal sealed class IngestResult
{
    public long Requests { get; set; }
    public long FailedRequests { get; set; }
    public long Received { get; set; }
    public long Accepted { get; set; }
    public long Duplicates { get; set; }
    public long Rejected { get; set; }
    public TimeSpan Elapsed { get; set; }

    public void Add(IngestResult other)
    {
        Requests += other.Requests;
        FailedRequests += other.FailedRequests;
        Received += other.Received;
        Accepted += other.Accepted;
        Duplicates += other.Duplicates;
        Rejected += other.Rejected;
    }
}
