using Microsoft.Data.Sqlite;
using Npgsql;

namespace ActionPlan.Web.Infrastructure;

/// <summary>
/// Tells a database that cannot be reached now (a PostgreSQL restart, a dropped connection, a SQLite file locked too
/// long) from a refusal of the data itself (a unique key, a check). A form meets the first with a message and keeps
/// its input, instead of losing the page; the second stays an error.
/// </summary>
public static class DatabaseOutage
{
    public const string Message = "数据库暂时无法连接，修改尚未保存。页面上填写的内容都还在，请稍后再点保存。";

    public static bool Is(Exception exception) => exception switch
    {
        PostgresException server => server.IsTransient,
        NpgsqlException => true,
        SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6, // SQLITE_BUSY, SQLITE_LOCKED
        TimeoutException => true,
        _ => exception.InnerException is { } inner && Is(inner),
    };
}
