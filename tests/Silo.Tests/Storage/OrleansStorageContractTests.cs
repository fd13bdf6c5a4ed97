using MixpanelSync.Testing.Cluster;

namespace MixpanelSync.Silo.Tests.Storage;

/// <summary>
/// Checks the stored queries through Orleans' own ADO.NET providers: what a grain writes survives its
/// deactivation, conflicts are detected, and reminders are kept per grain.
/// </summary>
public abstract class OrleansStorageContractTests<TCluster>(TCluster cluster)
    where TCluster : TestClusterFixture
{
    protected TCluster Cluster { get; } = cluster;

    [Fact]
    public async Task Write_ThenDeactivate_ValueIsReadBack()
    {
        var grain = NewStateGrain();

        await grain.WriteAsync("first");
        await grain.DeactivateAsync();

        Assert.Equal("first", await grain.ReadAsync());
    }

    [Fact]
    public async Task Write_Twice_LatestValueIsReadBack()
    {
        var grain = NewStateGrain();

        await grain.WriteAsync("first");
        await grain.DeactivateAsync();
        await grain.WriteAsync("second");
        await grain.DeactivateAsync();

        Assert.Equal("second", await grain.ReadAsync());
    }

    [Fact]
    public async Task Clear_ThenWriteAgain_ClearedRowIsReused()
    {
        var grain = NewStateGrain();
        await grain.WriteAsync("first");

        await grain.ClearAsync();
        await grain.DeactivateAsync();
        Assert.Null(await grain.ReadAsync());

        await grain.WriteAsync("after clear");
        await grain.DeactivateAsync();
        Assert.Equal("after clear", await grain.ReadAsync());
    }

    [Fact]
    public async Task Write_ManyGrains_EachKeepsItsOwnValue()
    {
        var grains = Enumerable.Range(0, 20).Select(_ => NewStateGrain()).ToList();

        await Task.WhenAll(grains.Select((grain, i) => grain.WriteAsync($"value {i}")));
        await Task.WhenAll(grains.Select(grain => grain.DeactivateAsync()));

        var values = await Task.WhenAll(grains.Select(grain => grain.ReadAsync()));
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"value {i}"), values);
    }

    [Fact]
    public async Task Reminders_RegisterUpdateUnregister_ListReflectsEachStep()
    {
        var grain = Cluster.Client.GetGrain<IReminderProbeGrain>(Guid.NewGuid().ToString("N"));

        await grain.RegisterAsync("daily", TimeSpan.FromMinutes(5));
        await grain.RegisterAsync("weekly", TimeSpan.FromMinutes(7));
        await grain.RegisterAsync("daily", TimeSpan.FromMinutes(6));
        Assert.Equal(["daily", "weekly"], await grain.ListAsync());

        await grain.UnregisterAsync("daily");
        Assert.Equal(["weekly"], await grain.ListAsync());
    }

    [Fact]
    public async Task Reminders_OfAnotherGrain_AreNotListed()
    {
        var first = Cluster.Client.GetGrain<IReminderProbeGrain>(Guid.NewGuid().ToString("N"));
        var second = Cluster.Client.GetGrain<IReminderProbeGrain>(Guid.NewGuid().ToString("N"));

        await first.RegisterAsync("only-first", TimeSpan.FromMinutes(5));

        Assert.Empty(await second.ListAsync());
    }

    private IStateProbeGrain NewStateGrain() =>
        Cluster.Client.GetGrain<IStateProbeGrain>($"brand-{Guid.NewGuid():N}");
}

public sealed class SqliteOrleansStorageTests(SqliteStorageCluster cluster)
    : OrleansStorageContractTests<SqliteStorageCluster>(cluster), IClassFixture<SqliteStorageCluster>;

public sealed class PostgresOrleansStorageTests(PostgresStorageCluster cluster)
    : OrleansStorageContractTests<PostgresStorageCluster>(cluster), IClassFixture<PostgresStorageCluster>;
