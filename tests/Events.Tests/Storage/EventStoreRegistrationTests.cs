using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MixpanelSync.Events.Schema;
using MixpanelSync.Events.Storage;
using MixpanelSync.Events.Storage.Postgres;
using MixpanelSync.Events.Storage.Sqlite;

namespace MixpanelSync.Events.Tests.Storage;

public sealed class EventStoreRegistrationTests
{
    [Fact]
    public async Task AddSqliteEventStore_Resolved_GivesWorkingStoreAndParser()
    {
        var directory = Directory.CreateTempSubdirectory("events-di-").FullName;
        try
        {
            await using var provider = CreateServices()
                .AddSqliteEventStore(options => options.DatabasePath = Path.Combine(directory, "events.db"))
                .BuildServiceProvider();

            var store = provider.GetRequiredService<IEventStore>();
            await store.EnsureCreatedAsync();

            Assert.IsType<SqliteEventStore>(store);
            Assert.Equal(0, await store.GetHighWaterMarkAsync("brand"));
            Assert.NotNull(provider.GetRequiredService<BrandEventParser>());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task AddPostgresEventStore_EmptyConnectionString_FailsValidation()
    {
        await using var provider = CreateServices()
            .AddPostgresEventStore(options => options.ConnectionString = " ")
            .BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(
            () => provider.GetRequiredService<IOptions<PostgresEventStoreOptions>>().Value);

        Assert.Contains("ConnectionString is required.", exception.Failures);
    }

    [Fact]
    public async Task ReadPagesAsync_SeveralPages_YieldsEachEventOnce()
    {
        var directory = Directory.CreateTempSubdirectory("events-pages-").FullName;
        try
        {
            await using var store = new SqliteEventStore(
                Options.Create(new SqliteEventStoreOptions { DatabasePath = Path.Combine(directory, "events.db") }),
                TimeProvider.System,
                NullLogger<SqliteEventStore>.Instance);
            await store.EnsureCreatedAsync();
            var events = Enumerable.Range(1, 7).Select(i => new BrandEvent
            {
                EventId = $"e-{i}",
                Type = BrandEventTypes.Like,
                OccurredAt = DateTimeOffset.UnixEpoch.AddYears(56),
                UserId = "u1",
            }).ToList();
            await store.AppendAsync("brand", events);

            var pageSizes = new List<int>();
            await foreach (var page in store.ReadPagesAsync("brand", 0, await store.GetHighWaterMarkAsync("brand"), 3))
            {
                pageSizes.Add(page.Count);
            }

            Assert.Equal([3, 3, 1], pageSizes);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static ServiceCollection CreateServices()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        return services;
    }
}
