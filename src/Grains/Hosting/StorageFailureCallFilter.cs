using System.Data.Common;
using Microsoft.Extensions.Logging;
using MixpanelSync.Events.Storage.Postgres;
using MixpanelSync.GrainInterfaces.Storage;

namespace MixpanelSync.Grains.Hosting;

/// <summary>
/// Turns a database error that escapes a grain call into a <see cref="StorageUnavailableException"/>, and clears
/// the connection pools when the connection to PostgreSQL was lost, so that the caller's retry gets a fresh
/// connection.
/// </summary>
/// <remarks>
/// Orleans serializes an exception for the caller only when its type is in a namespace it supports; Npgsql's
/// exceptions are not, so without this filter the caller gets a <c>CodecNotFoundException</c> that hides the
/// cause.
/// </remarks>
internal sealed partial class StorageFailureCallFilter(ILogger<StorageFailureCallFilter> logger)
    : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception exception) when (FindDatabaseError(exception) is { } databaseError)
        {
            var connectionLost = PostgresConnectionFailures.IsConnectionFailure(exception);
            if (connectionLost)
            {
                PostgresConnectionFailures.ClearPools();
            }

            LogDatabaseError(logger, exception, context.InterfaceName, context.MethodName, connectionLost);
            throw new StorageUnavailableException(
                $"The database failed during {context.MethodName}: {databaseError.Message} Retry the request after "
                + "a few seconds; if it keeps failing, check that the database server is running.");
        }
    }

    private static DbException? FindDatabaseError(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is DbException databaseError)
            {
                return databaseError;
            }
        }

        return null;
    }

    [LoggerMessage(
        1014,
        LogLevel.Warning,
        "A database error ended the grain call {Interface}.{Method}; connection lost: {ConnectionLost}")]
    private static partial void LogDatabaseError(
        ILogger logger,
        Exception exception,
        string @interface,
        string method,
        bool connectionLost);
}
