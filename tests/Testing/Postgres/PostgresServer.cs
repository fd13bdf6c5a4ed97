using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace MixpanelSync.Testing.Postgres;

/// <summary>
/// A private PostgreSQL server for tests, started from the locally installed server programs in a temporary
/// data folder and listening on a free port of 127.0.0.1 only.
/// </summary>
/// <remarks>
/// <para>
/// Most tests use <see cref="PostgresDatabase"/>, which gets the test process's one server from
/// <see cref="GetSharedAsync"/> and creates a fresh database on it. xunit 2 has no assembly fixtures, so the
/// shared server starts with the first test class that needs it and stops when the test process exits. A
/// watchdog shell also stops it and removes its folder if the test process dies without running its exit
/// handlers.
/// </para>
/// <para>
/// When the test process runs as root, initdb and postgres run as the <c>postgres</c> OS user, because both
/// refuse to run as root. The server uses trust authentication, fsync off and no durability, which is fine
/// for a throw-away server that only loopback clients reach.
/// </para>
/// </remarks>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string OsUser = "postgres";
    private const int MaxStartAttempts = 5;

    private static readonly TimeSpan InitTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);
    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartSharedAsync);

    private readonly string _rootDirectory;
    private Process _server;
    private ServerLog _log;
    private int? _watchdogProcessId;
    private int _disposed;

    private PostgresServer(string rootDirectory, int port, Process server, ServerLog log)
    {
        _rootDirectory = rootDirectory;
        Port = port;
        _server = server;
        _log = log;
    }

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; }

    /// <summary>A connection string for the <c>postgres</c> maintenance database, as superuser.</summary>
    public string AdminConnectionString => BuildConnectionString("postgres");

    /// <summary>
    /// Returns the test process's shared server, starting it on the first call. Every later call returns the
    /// same server, or the same start-up failure.
    /// </summary>
    public static Task<PostgresServer> GetSharedAsync() => Shared.Value;

    /// <summary>Starts a new server that the caller owns and must dispose.</summary>
    /// <exception cref="InvalidOperationException">
    /// PostgreSQL is not installed, or initdb or the server failed; the message contains their output.
    /// </exception>
    public static async Task<PostgresServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var binDirectory = PostgresBinaries.FindBinDirectory();
        var root = Directory.CreateTempSubdirectory("mixpanelsync-pg-").FullName;
        var watchdogProcessId = StartWatchdog(root);
        try
        {
            await InitializeDataDirectoryAsync(binDirectory, root, cancellationToken);
            var server = await StartServerAsync(binDirectory, root, cancellationToken);
            server._watchdogProcessId = watchdogProcessId;
            return server;
        }
        catch
        {
            TryDeleteDirectory(root);
            StopWatchdog(watchdogProcessId);
            throw;
        }
    }

    /// <summary>
    /// Creates an empty database with a unique name and returns a connection string for it.
    /// </summary>
    /// <param name="namePrefix">Lower-case letters, digits and underscores the name starts with.</param>
    /// <param name="cancellationToken">Cancels the CREATE DATABASE command.</param>
    public async Task<string> CreateDatabaseAsync(
        string namePrefix = "test",
        CancellationToken cancellationToken = default)
    {
        var name = $"{namePrefix}_{Guid.NewGuid():N}";
        await ExecuteAdminAsync($"CREATE DATABASE \"{name}\"", cancellationToken);
        return BuildConnectionString(name);
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing its open connections.</summary>
    public async Task DropDatabaseAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database
            ?? throw new ArgumentException("The connection string names no database.", nameof(connectionString));
        using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await ExecuteAdminAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", cancellationToken);
    }

    /// <summary>
    /// Stops the server with a fast shutdown and keeps its data folder, so that <see cref="RestartAsync"/> can
    /// start it again. For tests of a database outage on a server the test owns, never on the shared one.
    /// </summary>
    public Task StopAsync() => StopServerAsync();

    /// <summary>Starts a server that <see cref="StopAsync"/> stopped, on the same port and data folder.</summary>
    /// <exception cref="InvalidOperationException">The server is running, or did not start again.</exception>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        if (!_server.HasExited)
        {
            throw new InvalidOperationException("The PostgreSQL server is still running; stop it first.");
        }

        _server.Dispose();
        _log = new ServerLog();
        _server = LaunchServer(PostgresBinaries.FindBinDirectory(), _rootDirectory, Port, _log);
        if (!await WaitUntilReadyAsync(cancellationToken))
        {
            throw new InvalidOperationException(
                $"PostgreSQL did not start again on 127.0.0.1:{Port}. Server output:\n{_log}");
        }
    }

    /// <summary>
    /// Stops the server with a fast shutdown, ends the watchdog and deletes the data folder. Only the processes
    /// this instance started are signalled.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await StopServerAsync();
        _server.Dispose();
        TryDeleteDirectory(_rootDirectory);
        StopWatchdog(_watchdogProcessId);
    }

    private static async Task<PostgresServer> StartSharedAsync()
    {
        var server = await StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return server;
    }

    private static async Task InitializeDataDirectoryAsync(
        string binDirectory,
        string root,
        CancellationToken cancellationToken)
    {
        if (Environment.IsPrivilegedProcess)
        {
            await ProcessRunner.RunAsync("chown", [$"{OsUser}:{OsUser}", root], InitTimeout, cancellationToken);
        }

        var (fileName, arguments) = AsServerUser(
            Path.Combine(binDirectory, "initdb"),
            [
                "--pgdata", DataDirectory(root),
                "--username", "postgres",
                "--auth", "trust",
                "--encoding", "UTF8",
                "--locale", "C",
                "--no-sync",
                "--no-instructions",
            ]);
        await ProcessRunner.RunAsync(fileName, arguments, InitTimeout, cancellationToken);
    }

    private static async Task<PostgresServer> StartServerAsync(
        string binDirectory,
        string root,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FindFreePort();
            var log = new ServerLog();
            var process = LaunchServer(binDirectory, root, port, log);
            var server = new PostgresServer(root, port, process, log);

            var ready = await server.WaitUntilReadyAsync(cancellationToken);
            if (ready)
            {
                return server;
            }

            // Another process can take the port between FindFreePort and the server's bind.
            if (attempt < MaxStartAttempts && log.MentionsPortInUse())
            {
                process.Dispose();
                continue;
            }

            await server.StopServerAsync();
            throw new InvalidOperationException(
                $"PostgreSQL did not start on 127.0.0.1:{port} within {ReadyTimeout.TotalSeconds:0} s. " +
                $"Server output:\n{server._log}");
        }
    }

    private static Process LaunchServer(string binDirectory, string root, int port, ServerLog log)
    {
        var (fileName, arguments) = AsServerUser(
            Path.Combine(binDirectory, "postgres"),
            [
                "-D", DataDirectory(root),
                "-p", port.ToString(CultureInfo.InvariantCulture),
                "-c", "listen_addresses=127.0.0.1",
                "-c", $"unix_socket_directories={root}",
                "-c", "fsync=off",
                "-c", "synchronous_commit=off",
                "-c", "full_page_writes=off",
                "-c", "max_connections=200",
            ]);
        var process = new Process { StartInfo = ProcessRunner.CreateStartInfo(fileName, arguments) };
        process.OutputDataReceived += (_, e) => log.Add(e.Data);
        process.ErrorDataReceived += (_, e) => log.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task<bool> WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < ReadyTimeout)
        {
            if (_server.HasExited)
            {
                return false;
            }

            try
            {
                await using var connection = new NpgsqlConnection(AdminConnectionString + ";Pooling=false;Timeout=2");
                await connection.OpenAsync(cancellationToken);
                return true;
            }
            catch (NpgsqlException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }
        }

        return false;
    }

    private async Task StopServerAsync()
    {
        if (_server.HasExited)
        {
            return;
        }

        // SIGINT requests a fast shutdown, which ends the open sessions before the postmaster exits.
        await ProcessRunner.RunAsync(
            "kill",
            ["-INT", _server.Id.ToString(CultureInfo.InvariantCulture)],
            StopTimeout,
            CancellationToken.None);

        using var timeout = new CancellationTokenSource(StopTimeout);
        try
        {
            await _server.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _server.Kill(entireProcessTree: true);
        }
    }

    /// <summary>
    /// Starts a detached shell that, once the test process is gone, stops the server of the folder (if running)
    /// and deletes the folder. Returns the shell's process id.
    /// </summary>
    /// <remarks>
    /// The shell runs in the background of a short-lived parent, so it belongs to no process tree of the test
    /// host: a test runner that kills the host's tree on an abort leaves it running. It starts before initdb,
    /// so a crash at any point of the start-up is cleaned up too.
    /// </remarks>
    private static int StartWatchdog(string root)
    {
        // The server's id comes from its postmaster.pid, and it is signalled only while its command line names
        // this data folder, so a process that reuses the id after the server is gone is never touched.
        var data = DataDirectory(root);
        var findServer =
            $"server() {{ pid=$(head -n 1 '{data}/postmaster.pid' 2>/dev/null) && [ -n \"$pid\" ] " +
            $"&& grep -qF '{data}' /proc/$pid/cmdline 2>/dev/null; }}; ";
        var watch =
            findServer +
            $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; " +
            "if server; then kill -INT $pid; fi; " +
            "for i in $(seq 1 20); do server || break; sleep 0.5; done; " +
            "if server; then kill -KILL $pid; fi; " +
            $"rm -rf '{root}'";
        var startInfo = ProcessRunner.CreateStartInfo(
            "sh",
            ["-c", $"({watch}) </dev/null >/dev/null 2>&1 & echo $!"]);
        using var launcher = Process.Start(startInfo)
            ?? throw new InvalidOperationException("Could not start the PostgreSQL watchdog shell.");
        var processId = launcher.StandardOutput.ReadLine();
        launcher.WaitForExit();
        return int.TryParse(processId, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new InvalidOperationException($"The PostgreSQL watchdog shell printed '{processId}', not its id.");
    }

    /// <summary>
    /// Ends the watchdog. It loops until the test process exits, so while this process runs its id is still the
    /// watchdog's.
    /// </summary>
    private static void StopWatchdog(int? processId)
    {
        if (processId is null)
        {
            return;
        }

        try
        {
            using var watchdog = Process.GetProcessById(processId.Value);
            watchdog.Kill();
        }
        catch (ArgumentException)
        {
            // The watchdog has already exited.
        }
        catch (InvalidOperationException)
        {
            // The watchdog exited between the lookup and the kill.
        }
    }

    private async Task ExecuteAdminAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private string BuildConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = IPAddress.Loopback.ToString(),
            Port = Port,
            Username = "postgres",
            Database = database,
            Timeout = 30,
            CommandTimeout = 60,
            IncludeErrorDetail = true,
        }.ConnectionString;

    private static (string FileName, IReadOnlyList<string> Arguments) AsServerUser(
        string program,
        IReadOnlyList<string> arguments)
    {
        if (!Environment.IsPrivilegedProcess)
        {
            return (program, arguments);
        }

        string[] switchUser = [$"--reuid={OsUser}", $"--regid={OsUser}", "--init-groups", "--", program];
        return ("setpriv", [.. switchUser, .. arguments]);
    }

    private static string DataDirectory(string root) => Path.Combine(root, "data");

    private static int FindFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void TryDeleteDirectory(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException exception)
        {
            // A leftover temporary folder does no harm, and the watchdog also removes it.
            Console.Error.WriteLine($"Could not delete the PostgreSQL test folder {directory}: {exception.Message}");
        }
        catch (UnauthorizedAccessException)
        {
            // As above: running without root, files the server user owns may not be removable.
        }
    }
}
