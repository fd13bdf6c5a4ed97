using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace MixpanelSync.EmulatorLoad;

/// <summary>Sends prepared batches with a fixed number of requests in flight and measures the run.</summary>
internal sealed class LoadRunner(Uri baseAddress, string token, int concurrency)
{
    private readonly AuthenticationHeaderValue _authorization =
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(token + ":")));

    public async Task<LoadResult> RunAsync(IReadOnlyList<byte[]> batches, int eventsPerBatch)
    {
        using var client = CreateClient();
        var next = -1;
        var failures = 0;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < batches.Count)
            {
                if (!await SendAsync(client, batches[index]))
                {
                    Interlocked.Increment(ref failures);
                }
            }
        });
        await Task.WhenAll(workers);
        clock.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        return new LoadResult(batches.Count * eventsPerBatch, clock.Elapsed, cpu, failures);
    }

    private HttpClient CreateClient()
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = concurrency,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        };
        return new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
    }

    private async Task<bool> SendAsync(HttpClient client, byte[] gzippedBatch)
    {
        var content = new ByteArrayContent(gzippedBatch);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentEncoding.Add("gzip");
        using var request = new HttpRequestMessage(HttpMethod.Post, "import?strict=1") { Content = content };
        request.Headers.Authorization = _authorization;
        using var response = await client.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        return response.StatusCode == HttpStatusCode.OK;
    }
}
