using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MixpanelSync.Events.Storage;
using MixpanelSync.Events.Storage.Sqlite;

namespace MixpanelSync.Events.Tests.Storage;

public sealed class SqliteEventStoreTests : EventStoreContractTests
{
    private readonly string _directory = Directory.CreateTempSubdirectory("events-sqlite-").FullName;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task EnsureCreatedAsync_NewFile_UsesWriteAheadLog()
    {
        var store = await CreateStoreAsync();
        await store.AppendAsync("brand", [new BrandEvent
        {
            EventId = "e",
            Type = BrandEventTypes.Like,
            OccurredAt = Time.GetUtcNow(),
            UserId = "u",
        }]);

        Assert.True(File.Exists(Path.Combine(_directory, "nested", "events.db-wal")));
    }

    private protected override RelationalEventStore CreateStore(TimeProvider timeProvider) =>
        new SqliteEventStore(
            Options.Create(new SqliteEventStoreOptions
            {
                DatabasePath = Path.Combine(_directory, "nested", "events.db"),
            }),
            timeProvider,
            NullLogger<SqliteEventStore>.Instance);
}
