using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ActionPlan.Web.Infrastructure;

/// <summary>
/// Which database the portal uses: <c>Database:Provider</c> (Sqlite, the default, or Postgres) and
/// <c>ConnectionStrings:ActionPlan</c>. A relative SQLite path is resolved against the content root so
/// <c>dotnet run</c>, tests and a published app find the same file.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public static DatabaseSettings From(IConfiguration configuration, string contentRoot)
    {
        var providerText = configuration["Database:Provider"] ?? nameof(DatabaseProvider.Sqlite);
        if (!Enum.TryParse<DatabaseProvider>(providerText, ignoreCase: true, out var provider))
        {
            throw new InvalidOperationException(
                $"Database:Provider '{providerText}' is not supported; use 'Sqlite' or 'Postgres'.");
        }

        var connectionString = configuration.GetConnectionString("ActionPlan");
        if (provider == DatabaseProvider.Postgres)
        {
            return string.IsNullOrWhiteSpace(connectionString)
                ? throw new InvalidOperationException("ConnectionStrings:ActionPlan is required when Database:Provider is Postgres.")
                : new DatabaseSettings(provider, PostgresConnection(connectionString));
        }

        var sqlite = new SqliteConnectionStringBuilder(connectionString ?? string.Empty);
        if (string.IsNullOrWhiteSpace(sqlite.DataSource))
        {
            var dataDirectory = configuration["Database:DataDirectory"] ?? "data";
            sqlite.DataSource = Path.Combine(dataDirectory, "actionplan.db");
        }

        if (sqlite.DataSource != ":memory:" && sqlite.Mode != SqliteOpenMode.Memory)
        {
            sqlite.DataSource = Path.GetFullPath(sqlite.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(sqlite.DataSource)!);
        }

        return new DatabaseSettings(provider, sqlite.ToString());
    }

    /// <summary>
    /// The connection string with PostgreSQL's JIT compilation off for the portal's sessions, unless the string sets
    /// server options itself. The 总览's aggregates over 100,000 tasks cross the JIT cost threshold and then spend
    /// about 250 ms each compiling, more than they take to run (EXPLAIN ANALYZE: 552 ms with JIT, 226 ms without).
    /// </summary>
    public static string PostgresConnection(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.Options))
        {
            builder.Options = "-c jit=off";
        }

        return builder.ConnectionString;
    }

    public void Configure(DbContextOptionsBuilder options)
    {
        switch (Provider)
        {
            case DatabaseProvider.Postgres:
                options.UseNpgsql(ConnectionString, o => o.MigrationsAssembly("ActionPlan.Migrations.Postgres"));
                break;
            default:
                options.UseSqlite(ConnectionString, o => o.MigrationsAssembly("ActionPlan.Migrations.Sqlite"));
                break;
        }
    }

    /// <summary>The connection string without its password, for logs.</summary>
    public string Describe() => Provider == DatabaseProvider.Sqlite
        ? $"Sqlite ({new SqliteConnectionStringBuilder(ConnectionString).DataSource})"
        : $"Postgres ({new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { Password = null }.ConnectionString})";
}
