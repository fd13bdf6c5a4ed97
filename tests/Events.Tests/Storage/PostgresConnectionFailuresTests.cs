using System.Net.Sockets;
using MixpanelSync.Events.Storage.Postgres;
using Npgsql;

namespace MixpanelSync.Events.Tests.Storage;

public sealed class PostgresConnectionFailuresTests
{
    [Theory]
    [InlineData("57P01")]
    [InlineData("57P03")]
    [InlineData("08006")]
    public void ServerShutdownOrConnectionState_IsConnectionFailure(string sqlState)
    {
        var exception = new PostgresException("terminating connection", "FATAL", "FATAL", sqlState);

        Assert.True(PostgresConnectionFailures.IsConnectionFailure(exception));
    }

    [Fact]
    public void WrappedSocketFailure_IsConnectionFailure()
    {
        var exception = new InvalidOperationException(
            "The run failed.",
            new NpgsqlException("Exception while reading from stream", new SocketException(104)));

        Assert.True(PostgresConnectionFailures.IsConnectionFailure(exception));
    }

    [Theory]
    [InlineData("23505")]
    [InlineData("42P01")]
    public void QueryError_IsNotConnectionFailure(string sqlState)
    {
        var exception = new PostgresException("duplicate key", "ERROR", "ERROR", sqlState);

        Assert.False(PostgresConnectionFailures.IsConnectionFailure(exception));
        Assert.False(PostgresConnectionFailures.IsConnectionFailure(new TimeoutException("not a database error")));
    }
}
