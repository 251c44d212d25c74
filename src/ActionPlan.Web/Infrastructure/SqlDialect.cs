using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace ActionPlan.Web.Infrastructure;

/// <summary>
/// The little that differs between the providers' SQL in the set-based statements: boolean columns,
/// date arithmetic, the month of a date, advisory locks. Everything else is written once.
/// </summary>
public abstract class SqlDialect
{
    public static readonly SqlDialect Sqlite = new SqliteDialect();
    public static readonly SqlDialect Postgres = new PostgresDialect();

    public static SqlDialect Of(DatabaseFacade database) => database.IsNpgsql() ? Postgres : Sqlite;

    /// <summary>A condition that holds when the boolean <paramref name="column"/> is true.</summary>
    public abstract string IsTrue(string column);

    /// <summary>Whole days from <paramref name="earlier"/> to <paramref name="later"/> (both dates).</summary>
    public abstract string DaysBetween(string later, string earlier);

    /// <summary>The date <paramref name="days"/> (an integer expression) after <paramref name="date"/>.</summary>
    public abstract string AddDays(string date, string days);

    /// <summary>The year and month of a date as one integer, yyyymm.</summary>
    public abstract string MonthKey(string date);

    /// <summary>A date column as yyyy-MM-dd text, for messages composed in SQL.</summary>
    public abstract string DateText(string date);

    /// <summary>The group's values of <paramref name="text"/> joined by <paramref name="separator"/> in the order of <paramref name="orderBy"/>; NULLs are left out.</summary>
    public abstract string StringAggregate(string text, string separator, string orderBy);

    /// <summary>A query answering true when the transaction-scoped lock was taken, false when another holds it; null where there are no such locks.</summary>
    public abstract string? TryTransactionLock(long key);

    /// <summary>A statement that waits for the transaction-scoped lock; null where there are no such locks.</summary>
    public abstract string? TransactionLock(long key);

    /// <summary>A statement that lets this transaction commit without waiting for the log flush; null where not supported.</summary>
    public abstract string? AsynchronousCommit { get; }

    private sealed class SqliteDialect : SqlDialect
    {
        public override string IsTrue(string column) => $"{column} = 1";

        public override string DaysBetween(string later, string earlier) => $"CAST(julianday({later}) - julianday({earlier}) AS INTEGER)";

        public override string MonthKey(string date) => $"CAST(strftime('%Y%m', {date}) AS INTEGER)";

        // Dates are stored as yyyy-MM-dd text, which date() returns too.
        public override string AddDays(string date, string days) => $"date({date}, {days} || ' days')";

        // Dates are stored as yyyy-MM-dd text already.
        public override string DateText(string date) => date;

        // ORDER BY inside an aggregate needs SQLite 3.44 (the bundled e_sqlite3 is newer).
        public override string StringAggregate(string text, string separator, string orderBy) => $"group_concat({text}, {separator} ORDER BY {orderBy})";

        // SQLite has one writer at a time: a second instance's transaction simply waits.
        public override string? TryTransactionLock(long key) => null;

        public override string? TransactionLock(long key) => null;

        public override string? AsynchronousCommit => null;
    }

    private sealed class PostgresDialect : SqlDialect
    {
        public override string IsTrue(string column) => column;

        public override string DaysBetween(string later, string earlier) => $"({later} - {earlier})";

        public override string MonthKey(string date) => $"CAST(EXTRACT(YEAR FROM {date}) * 100 + EXTRACT(MONTH FROM {date}) AS integer)";

        public override string AddDays(string date, string days) => $"({date} + {days})";

        public override string DateText(string date) => $"to_char({date}, 'YYYY-MM-DD')";

        public override string StringAggregate(string text, string separator, string orderBy) => $"string_agg({text}, {separator} ORDER BY {orderBy})";

        public override string? TryTransactionLock(long key) => $"SELECT pg_try_advisory_xact_lock({key}) AS \"Value\"";

        public override string? TransactionLock(long key) => $"SELECT pg_advisory_xact_lock({key})";

        public override string? AsynchronousCommit => "SET LOCAL synchronous_commit TO OFF";
    }
}
