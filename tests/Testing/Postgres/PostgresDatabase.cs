using Xunit;

namespace MixpanelSync.Testing.Postgres;

/// <summary>
/// An xunit class fixture that gives a test class its own empty database on the test process's shared
/// PostgreSQL server, and drops it after the class.
/// </summary>
/// <example>
/// <code>
/// public sealed class MyStoreTests(PostgresDatabase database) : IClassFixture&lt;PostgresDatabase&gt;
/// {
///     // connect with database.ConnectionString
/// }
/// </code>
/// </example>
public sealed class PostgresDatabase : IAsyncLifetime
{
    private PostgresServer? _server;
    private string? _connectionString;

    /// <summary>A connection string for this fixture's database, as superuser.</summary>
    /// <exception cref="InvalidOperationException">The fixture has not been initialised by xunit.</exception>
    public string ConnectionString =>
        _connectionString ?? throw new InvalidOperationException("The database is created in InitializeAsync.");

    /// <summary>The shared server the database lives on, for tests that need more databases.</summary>
    public PostgresServer Server =>
        _server ?? throw new InvalidOperationException("The server is started in InitializeAsync.");

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        _server = await PostgresServer.GetSharedAsync();
        _connectionString = await _server.CreateDatabaseAsync();
    }

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        if (_server is not null && _connectionString is not null)
        {
            await _server.DropDatabaseAsync(_connectionString);
        }
    }
}
