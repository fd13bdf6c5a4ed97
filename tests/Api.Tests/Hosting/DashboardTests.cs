using System.Net;
using System.Net.Http.Headers;
using System.Text;
using MixpanelSync.Api.Tests.Support;

namespace MixpanelSync.Api.Tests.Hosting;

[Collection(ApiCollection.Name)]
public sealed class DashboardTests(ApiHostFixture fixture)
{
    [Fact]
    public async Task Dashboard_WithoutKey_ChallengesWithBasic()
    {
        using var client = fixture.CreateClient(key: null);

        using var response = await client.GetAsync(new Uri("/dashboard/", UriKind.Relative));

        await Json.ReadProblemAsync(response, 401);
        Assert.StartsWith("Basic", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_OperatorKeyAsBasicPassword_Returns200()
    {
        using var client = fixture.CreateClient(key: null);
        client.DefaultRequestHeaders.Authorization = Basic("admin", ApiHostFixture.OperatorKey);

        using var page = await client.GetAsync(new Uri("/dashboard/", UriKind.Relative));
        using var counters = await client.GetAsync(new Uri("/dashboard/DashboardCounters", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, counters.StatusCode);
    }

    [Fact]
    public async Task Dashboard_OperatorKeyAsBearer_Returns200()
    {
        using var client = fixture.CreateClient();

        using var response = await client.GetAsync(new Uri("/dashboard/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Dashboard_WrongBasicPassword_Returns401()
    {
        using var client = fixture.CreateClient(key: null);
        client.DefaultRequestHeaders.Authorization = Basic("admin", "wrong-password");

        using var response = await client.GetAsync(new Uri("/dashboard/", UriKind.Relative));

        await Json.ReadProblemAsync(response, 401);
    }

    [Fact]
    public async Task Dashboard_BrandKey_Returns403()
    {
        var (_, key) = await Brands.CreateKeyAsync(fixture, ApiHostFixture.NewBrandId());
        using var client = fixture.CreateClient(key: null);
        client.DefaultRequestHeaders.Authorization = Basic("brand", key);

        using var response = await client.GetAsync(new Uri("/dashboard/", UriKind.Relative));

        await Json.ReadProblemAsync(response, 403);
    }

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
}
