using MixpanelSync.Testing.Postgres;
using Npgsql;

namespace MixpanelSync.Events.Tests.Testing;

public sealed class PostgresDatabaseTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task ConnectionString_OpenConnection_ListensOnLoopbackOnly()
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT current_database(), current_setting('listen_addresses'), current_setting('fsync')",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());

        Assert.Equal(new NpgsqlConnectionStringBuilder(database.ConnectionString).Database, reader.GetString(0));
        Assert.Equal("127.0.0.1", reader.GetString(1));
        Assert.Equal("off", reader.GetString(2));
    }

    [Fact]
    public async Task CreateDatabaseAsync_TwoCalls_GiveSeparateDatabases()
    {
        var first = await database.Server.CreateDatabaseAsync();
        var second = await database.Server.CreateDatabaseAsync();
        try
        {
            Assert.NotEqual(
                new NpgsqlConnectionStringBuilder(first).Database,
                new NpgsqlConnectionStringBuilder(second).Database);
        }
        finally
        {
            await database.Server.DropDatabaseAsync(first);
            await database.Server.DropDatabaseAsync(second);
        }
    }
}
