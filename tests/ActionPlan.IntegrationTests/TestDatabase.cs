using ActionPlan.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ActionPlan.IntegrationTests;

/// <summary>
/// A fresh, empty database for one test host. PostgreSQL comes from ACTIONPLAN_TEST_POSTGRES (test.sh
/// starts a server and sets it); without it the PostgreSQL tests fail with a message, never skip.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "ACTIONPLAN_TEST_POSTGRES";

    private readonly string? _sqliteFolder;
    private readonly string? _postgresName;
    private string? _server;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteFolder, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteFolder = sqliteFolder;
        _postgresName = postgresName;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    /// <summary>A fresh PostgreSQL database on the given server (a test's own server, e.g. one it restarts).</summary>
    public static async Task<TestDatabase> CreateOnAsync(string server)
    {
        var name = "ap_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        return new TestDatabase(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString(), null, name) { _server = server };
    }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "actionplan-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            var connection = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "actionplan.db") }.ToString();
            return new TestDatabase(provider, connection, folder, null);
        }

        var name = "ap_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var admin = new NpgsqlConnection(ServerConnectionString()))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(ServerConnectionString()) { Database = name };
        return new TestDatabase(provider, builder.ToString(), null, name);
    }

    public static string ServerConnectionString() =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"PostgreSQL tests need a server: set {PostgresVariable} (e.g. Host=127.0.0.1;Port=5432;Username=postgres) " +
                "or run ./test.sh, which installs and starts one.");

    /// <summary>Makes the database unreachable (PostgreSQL: drops it under open connections).</summary>
    public async Task DropAsync()
    {
        if (_postgresName is null)
        {
            throw new InvalidOperationException("Only PostgreSQL databases can be dropped from under the app.");
        }

        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_server ?? ServerConnectionString());
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFolder is not null)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_sqliteFolder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open is left in the temp folder; it does not affect other tests.
            }
        }
        else
        {
            await DropAsync();
        }
    }
}
