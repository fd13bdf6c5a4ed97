using Microsoft.Extensions.DependencyInjection;
using MixpanelSync.Api.Alerts;
using MixpanelSync.Api.Tests.Support;
using MixpanelSync.GrainInterfaces.Integration;

namespace MixpanelSync.Api.Tests.Alerts;

[Collection(ApiCollection.Name)]
public sealed class BrandAlertGrainTests(ApiHostFixture fixture)
{
    /// <summary>Observed states in order, and the alert each one must raise ("-" for none).</summary>
    public static TheoryData<string, string> Sequences => new()
    {
        { "Connected,Degraded,Syncing,Connected", "-,EnteredDegraded,-,Recovered" },
        { "Connected,Error,Error,Connected", "-,EnteredError,-,Recovered" },
        { "Connected,Degraded,Error,Connected", "-,EnteredDegraded,EnteredError,Recovered" },
        { "Connected,Syncing,Connected", "-,-,-" },
        { "Connected,Error,Disconnected,Connected", "-,EnteredError,-,-" },
        { "Degraded,Degraded,Syncing,Degraded", "EnteredDegraded,-,-,-" },
    };

    [Theory]
    [MemberData(nameof(Sequences))]
    public async Task Observe_StateSequence_AlertsOnEachChange(string states, string expected)
    {
        var grain = fixture.Services.GetRequiredService<IGrainFactory>()
            .GetGrain<IBrandAlertGrain>(ApiHostFixture.NewBrandId());

        var alerts = new List<string>();
        foreach (var state in states.Split(',').Select(Enum.Parse<ConnectionState>))
        {
            var transition = await grain.ObserveAsync(state, reason: null, DateTimeOffset.UtcNow);
            alerts.Add(transition?.Kind.ToString() ?? "-");
        }

        Assert.Equal(expected.Split(','), alerts);
    }
}
