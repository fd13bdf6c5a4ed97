using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MixpanelSync.Api.Tests.Support;

namespace MixpanelSync.Reliability.Tests.Security;

/// <summary>
/// Checks every /api/v1 endpoint found in the app's <see cref="EndpointDataSource"/>, so that an endpoint added
/// later is covered without editing a list: no key gets 401, another brand's key gets 404 or 403, and bad bodies
/// get 400 or 413 while the service goes on answering. Api.Tests checks the same rules on chosen endpoints
/// with their messages (AuthenticationTests, EventIngestionTests, IntegrationValidationTests).
/// </summary>
public sealed class ApiSecurityTests(ApiHostFixture fixture) : IClassFixture<ApiHostFixture>
{
    [Fact]
    public async Task EveryEndpoint_WithoutKey_Returns401()
    {
        using var client = fixture.CreateClient(key: null);
        var failures = new List<string>();

        foreach (var endpoint in ApiEndpoints())
        {
            using var request = endpoint.CreateRequest(ApiHostFixture.NewBrandId(), JsonBody("[]"));
            using var response = await client.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                failures.Add($"{endpoint}: {(int)response.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0, "Answered without a key: " + string.Join(", ", failures));
    }

    [Fact]
    public async Task EveryBrandEndpoint_OtherBrandKey_Returns404Or403()
    {
        var ownBrand = ApiHostFixture.NewBrandId();
        var otherBrand = ApiHostFixture.NewBrandId();
        await Brands.ConnectAsync(fixture, otherBrand);
        var (_, key) = await Brands.CreateKeyAsync(fixture, ownBrand);
        using var client = fixture.CreateClient(key);
        var failures = new List<string>();
        var checkedCount = 0;

        foreach (var endpoint in ApiEndpoints().Where(endpoint => endpoint.IsBrandScoped))
        {
            using var request = endpoint.CreateRequest(otherBrand, JsonBody("[]"));
            using var response = await client.SendAsync(request);
            checkedCount++;
            if (response.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.Forbidden))
            {
                failures.Add($"{endpoint}: {(int)response.StatusCode}");
            }
        }

        Assert.True(checkedCount >= 10, $"Only {checkedCount} brand endpoints were found.");
        Assert.True(failures.Count == 0, "Another brand's key reached: " + string.Join(", ", failures));
    }

    [Fact]
    public async Task EveryBodyEndpoint_BadBodies_Return400Or413()
    {
        var brandId = ApiHostFixture.NewBrandId();
        await Brands.ConnectAsync(fixture, brandId);
        using var client = fixture.CreateClient();
        var failures = new List<string>();
        var bodyEndpoints = ApiEndpoints().Where(endpoint => endpoint.TakesBody).ToList();
        Assert.True(bodyEndpoints.Count >= 4, "Too few endpoints take a body: " + string.Join(", ", bodyEndpoints));
        Assert.Contains(bodyEndpoints, endpoint => endpoint.Pattern.Contains("/events", StringComparison.Ordinal));
        foreach (var endpoint in bodyEndpoints)
        {
            Assert.True(endpoint.MaxBodyBytes is > 0, $"{endpoint} sets no request body limit.");
            var oversized = "[" + new string(' ', (int)endpoint.MaxBodyBytes!.Value) + "]";
            foreach (var (name, body, allowed) in new[]
            {
                ("malformed", "{\"events\": [ {\"event_id\": ", new[] { 400 }),
                ("not JSON", "\u0000\u0001 not json", new[] { 400, 415 }),
                ("oversized", oversized, new[] { 413 }),
            })
            {
                using var request = endpoint.CreateRequest(brandId, JsonBody(body));

                // Expect: 100-continue lets the service reject an oversized body before the client sends it.
                request.Headers.ExpectContinue = true;
                try
                {
                    using var response = await client.SendAsync(request);
                    if (!allowed.Contains((int)response.StatusCode))
                    {
                        failures.Add($"{endpoint} {name}: {(int)response.StatusCode}");
                    }
                }
                catch (HttpRequestException exception)
                {
                    failures.Add($"{endpoint} {name}: {exception.Message} {exception.InnerException?.Message}");
                }
            }
        }

        using var health = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        using var integration = await client.GetAsync(
            new Uri($"/api/v1/brands/{brandId}/integration", UriKind.Relative));

        Assert.True(failures.Count == 0, string.Join(", ", failures));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, integration.StatusCode);
    }

    [Fact]
    public async Task Connect_ExtraAddressFields_DoNotSteerDelivery()
    {
        using var trap = new TcpListener(IPAddress.Loopback, 0);
        trap.Start();
        var trapAddress = $"http://127.0.0.1:{((IPEndPoint)trap.LocalEndpoint).Port}/";
        var brandId = ApiHostFixture.NewBrandId();
        var token = fixture.AddProject();
        using var client = fixture.CreateClient();

        using var steered = await client.PostAsJsonAsync($"/api/v1/brands/{brandId}/integration", new
        {
            projectToken = token,
            residency = trapAddress,
            schedule = Brands.DailySchedule(),
        });
        using var extraFields = await client.PostAsJsonAsync($"/api/v1/brands/{brandId}/integration", new
        {
            projectToken = token,
            residency = "us",
            schedule = Brands.DailySchedule(),
            baseAddress = trapAddress,
            usBaseAddress = trapAddress,
            apiHost = trapAddress,
        });
        if (extraFields.StatusCode == HttpStatusCode.BadRequest)
        {
            using var plain = await client.PostAsJsonAsync(
                $"/api/v1/brands/{brandId}/integration", Brands.ConnectBody(token));
            Assert.Equal(HttpStatusCode.Created, plain.StatusCode);
        }

        using var ingested = await client.PostAsJsonAsync(
            $"/api/v1/brands/{brandId}/events", new[] { Brands.Event("steer-1") });
        using var sync = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/brands/{brandId}/integration/sync");
        sync.Headers.Add("X-Forwarded-Host", trapAddress);
        using var synced = await client.SendAsync(sync);
        await Brands.WaitForIdleAsync(client, brandId);

        Assert.Equal(HttpStatusCode.BadRequest, steered.StatusCode);
        Assert.True(
            extraFields.StatusCode is HttpStatusCode.Created or HttpStatusCode.BadRequest,
            $"{extraFields.StatusCode}: {await extraFields.Content.ReadAsStringAsync()}");
        Assert.False(trap.Pending(), "A request reached the address given in the request body.");
        Assert.Equal(HttpStatusCode.OK, ingested.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, synced.StatusCode);
        Assert.Single(fixture.Emulator.GetDeduplicatedEvents(token));
    }

    [Fact]
    public async Task HostLogs_NeverContainKeysOrTokens()
    {
        var brandId = ApiHostFixture.NewBrandId();
        var token = await Brands.ConnectAsync(fixture, brandId);
        var (_, key) = await Brands.CreateKeyAsync(fixture, brandId);
        using (var brandClient = fixture.CreateClient(key))
        {
            await Brands.IngestAsync(brandClient, brandId, [Brands.Event("scan-1")]);
        }

        using (var wrongKey = fixture.CreateClient(key[..^2] + "zz"))
        {
            using var rejected = await wrongKey.GetAsync(new Uri($"/api/v1/brands/{brandId}/runs", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Unauthorized, rejected.StatusCode);
        }

        var secrets = fixture.Emulator.Projects.Select(project => project.Token)
            .Append(ApiHostFixture.OperatorKey)
            .Append(key)
            .Append(key[..^2] + "zz")
            .ToList();
        var leaks = fixture.Logs.Messages
            .Where(message => secrets.Any(secret => message.Contains(secret, StringComparison.Ordinal)))
            .ToList();

        Assert.NotEmpty(fixture.Logs.Messages);
        Assert.Contains(token, secrets);
        Assert.True(leaks.Count == 0, $"{leaks.Count} log lines contain a secret in full: {leaks.FirstOrDefault()}");
    }

    private static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");

    private List<ApiEndpoint> ApiEndpoints()
    {
        var sources = fixture.Services.GetServices<EndpointDataSource>();
        var endpoints = sources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => new ApiEndpoint(
                    method,
                    endpoint.RoutePattern.RawText!,
                    endpoint.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize,
                    endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is not null)))
            .Distinct()
            .ToList();
        Assert.True(endpoints.Count >= 15, $"Only {endpoints.Count} /api/v1 endpoints were found.");
        return endpoints;
    }

    /// <summary>One method and route pattern of the API.</summary>
    private sealed record ApiEndpoint(string Method, string Pattern, long? MaxBodyBytes, bool Accepts)
    {
        public bool IsBrandScoped => Pattern.Contains("{brandId", StringComparison.Ordinal);

        public bool TakesBody => Method is "POST" or "PUT" or "PATCH" && Accepts;

        /// <summary>Creates a request with the route parameters filled in, and the body for POST, PUT, PATCH.</summary>
        public HttpRequestMessage CreateRequest(string brandId, HttpContent body)
        {
            var path = System.Text.RegularExpressions.Regex.Replace(
                Pattern,
                @"\{(\w+)[^}]*\}",
                match => match.Groups[1].Value == "brandId" ? brandId : "x-" + match.Groups[1].Value);
            var request = new HttpRequestMessage(new HttpMethod(Method), path + Query());
            if (TakesBody)
            {
                request.Content = body;
            }

            return request;
        }

        public override string ToString() => $"{Method} {Pattern}";

        private string Query() => Pattern.EndsWith("/preview", StringComparison.Ordinal) ? "?from=2026-01-01" : "";
    }
}
