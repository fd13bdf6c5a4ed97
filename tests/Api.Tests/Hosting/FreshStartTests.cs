using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MixpanelSync.Api.Tests.Support;
using MixpanelSync.Testing.Processes;

namespace MixpanelSync.Api.Tests.Hosting;

/// <summary>Silo processes started from the built program, as <c>dotnet run</c> starts them.</summary>
public sealed class FreshStartTests : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("api-fresh-").FullName;

    [Fact]
    public async Task Start_WithoutOperatorKey_GeneratesAndKeepsOne()
    {
        var keyFile = Path.Combine(_dataDirectory, "operator-key");
        string key;
        await using (var first = SiloProcess.Start(Settings()))
        {
            await first.WaitUntilHealthyAsync(StartTimeout);
            key = (await File.ReadAllTextAsync(keyFile)).Trim();

            Assert.Equal(HttpStatusCode.OK, await GetAuditStatusAsync(first, key));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
            }

            Assert.Contains(keyFile, first.Output, StringComparison.Ordinal);
            Assert.Contains(key[^4..], first.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(key, first.Output, StringComparison.Ordinal);
        }

        await using var second = SiloProcess.Start(Settings());
        await second.WaitUntilHealthyAsync(StartTimeout);

        Assert.Equal(key, (await File.ReadAllTextAsync(keyFile)).Trim());
        Assert.Equal(HttpStatusCode.OK, await GetAuditStatusAsync(second, key));
        Assert.DoesNotContain(key, second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RateLimit_BrandKeyOverLimit_Returns429()
    {
        var settings = Settings();
        settings["Api:OperatorKey"] = ApiHostFixture.OperatorKey;
        settings["Api:RateLimitPermits"] = "5";
        await using var silo = SiloProcess.Start(settings);
        await silo.WaitUntilHealthyAsync(StartTimeout);
        using var http = new HttpClient { BaseAddress = silo.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiHostFixture.OperatorKey);
        using var created = await http.PostAsync(new Uri("/api/v1/brands/limited/keys", UriKind.Relative), null);
        var key = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 8 && limited is null; i++)
        {
            var response = await http.GetAsync(new Uri("/api/v1/brands/limited/runs", UriKind.Relative));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), HttpStatusCode.TooManyRequests], statuses);
        using (limited)
        {
            var problem = await Json.ReadProblemAsync(limited!, 429);
            Assert.Contains("rate limit", Json.Detail(problem), StringComparison.Ordinal);
            Assert.NotNull(limited!.Headers.RetryAfter);
        }
    }

    [Fact]
    public async Task Start_ShortOperatorKey_ExitsNamingTheSetting()
    {
        var settings = Settings();
        settings["Api:OperatorKey"] = "too-short";
        await using var silo = SiloProcess.Start(settings);

        var exitCode = await silo.WaitForExitAsync(StartTimeout);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Api:OperatorKey must be at least 32 characters", silo.Output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);

    private static async Task<HttpStatusCode> GetAuditStatusAsync(SiloProcess silo, string key)
    {
        using var http = new HttpClient { BaseAddress = silo.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await http.GetAsync(new Uri("/api/v1/brands/fresh/audit", UriKind.Relative));
        return response.StatusCode;
    }

    private Dictionary<string, string> Settings() => new()
    {
        ["Sync:DataDirectory"] = _dataDirectory,
        ["Sync:SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
        ["Sync:GatewayPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
    };
}
