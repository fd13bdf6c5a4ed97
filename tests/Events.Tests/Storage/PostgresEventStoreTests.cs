using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MixpanelSync.Events.Storage;
using MixpanelSync.Events.Storage.Postgres;
using MixpanelSync.Testing.Postgres;

namespace MixpanelSync.Events.Tests.Storage;

public sealed class PostgresEventStoreTests(PostgresDatabase database)
    : EventStoreContractTests, IClassFixture<PostgresDatabase>
{
    private protected override RelationalEventStore CreateStore(TimeProvider timeProvider) =>
        new PostgresEventStore(
            Options.Create(new PostgresEventStoreOptions { ConnectionString = database.ConnectionString }),
            timeProvider,
            NullLogger<PostgresEventStore>.Instance);
}
