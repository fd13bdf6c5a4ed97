using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MixpanelSync.Events.Storage;
using MixpanelSync.Events.Storage.Postgres;
using MixpanelSync.Testing.Postgres;

namespace MixpanelSync.Events.Tests.Storage;

public sealed class PostgresEventStoreTests(PostgresDatabase database)
    : EventStoreContractTests, IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task AppendAsync_OtherBrandHeldOpen_DoesNotWait()
    {
        var slowWriter = await CreateStoreAsync();
        var fastWriter = await CreateStoreAsync();
        var slowAppendStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        slowWriter.BeforeAppendCommitAsync = async cancellationToken =>
        {
            slowAppendStarted.TrySetResult();
            await release.Task.WaitAsync(cancellationToken);
        };
        var slowEvent = new BrandEvent
        {
            EventId = "slow",
            Type = BrandEventTypes.Like,
            OccurredAt = Time.GetUtcNow(),
            UserId = "u1",
        };

        var slowAppend = slowWriter.AppendAsync($"brand-a-{Guid.NewGuid():N}", [slowEvent]);
        AppendResult otherBrand;
        try
        {
            await slowAppendStarted.Task.WaitAsync(TimeSpan.FromSeconds(20));
            otherBrand = await fastWriter
                .AppendAsync($"brand-b-{Guid.NewGuid():N}", [slowEvent with { EventId = "fast" }])
                .WaitAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            release.TrySetResult();
        }

        await slowAppend;

        Assert.Equal(new AppendResult(1, 0), otherBrand);
    }

    private protected override RelationalEventStore CreateStore(TimeProvider timeProvider) =>
        new PostgresEventStore(
            Options.Create(new PostgresEventStoreOptions { ConnectionString = database.ConnectionString }),
            timeProvider,
            NullLogger<PostgresEventStore>.Instance);
}
