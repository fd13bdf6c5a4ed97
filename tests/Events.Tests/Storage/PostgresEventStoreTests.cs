using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MixpanelSync.Events.Storage;
using MixpanelSync.Events.Storage.Postgres;
using MixpanelSync.Testing.Postgres;
using Npgsql;

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

    [Fact]
    public async Task EnsureCreatedAsync_DeadLettersWithoutMessage_AddsColumn()
    {
        var brandId = $"brand-{Guid.NewGuid():N}";
        var rejected = new RejectedEvent(
            1,
            new BrandEvent { EventId = "e", Type = BrandEventTypes.Like, OccurredAt = Time.GetUtcNow(), UserId = "u" },
            "rejected by Mixpanel",
            "properties.time",
            "run",
            "too far ahead");
        await (await CreateStoreAsync()).AddDeadLettersAsync(brandId, [rejected]);
        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand("ALTER TABLE dead_letters DROP COLUMN message", connection);
            await drop.ExecuteNonQueryAsync();
        }

        var store = await CreateStoreAsync();
        await store.AddDeadLettersAsync(brandId, [rejected with { Sequence = 2 }]);
        var letters = await store.ListDeadLettersAsync(brandId, DeadLetterFilter.All, 0, 10);

        Assert.Equal(2, letters.Count);
        Assert.Null(letters[0].Message);
        Assert.Equal("too far ahead", letters[1].Message);
    }

    private protected override async Task<string> ExplainCountAsync()
    {
        // The test table is small, so sequential scans are turned off and the plan must still find the index.
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SET enable_seqscan = off; EXPLAIN " + RelationalEventStore.CountEventsSql;
        command.Parameters.AddWithValue("brand", "brand");
        command.Parameters.AddWithValue("from", 0L);
        command.Parameters.AddWithValue("until", long.MaxValue);
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(0));
        }

        return string.Join('\n', plan);
    }

    private protected override RelationalEventStore CreateStore(TimeProvider timeProvider) =>
        new PostgresEventStore(
            Options.Create(new PostgresEventStoreOptions { ConnectionString = database.ConnectionString }),
            timeProvider,
            NullLogger<PostgresEventStore>.Instance);
}
