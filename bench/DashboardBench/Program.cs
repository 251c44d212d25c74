using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using ActionPlan.Data;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Dashboard;
using ActionPlan.Web.Features.Rounds;
using ActionPlan.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ActionPlan.Web.Features.Rules;
using ActionPlan.Web.Features.Shared;

// 总览 benchmark: a synthetic plan of N tasks (default 100,000) in 19 domains and 60 lead units on
// PostgreSQL, as of 2022-06-20. Prints the snapshot refresh time, and the median time of each dashboard
// query and of the whole load (office scope and one unit's scope), from the snapshot and counted, then leaves the database for the HTTP part of bench/run.sh
// when --keep <name> is given. --seed-only writes the plan and its snapshot and measures nothing (bench/floor.sh).
var server = Environment.GetEnvironmentVariable("ACTIONPLAN_BENCH_POSTGRES")
    ?? throw new InvalidOperationException("Set ACTIONPLAN_BENCH_POSTGRES (bench/run.sh starts a server and sets it).");
var tasks = args.SkipWhile(a => a != "--tasks").Skip(1).Select(int.Parse).FirstOrDefault(100_000);
var keep = args.SkipWhile(a => a != "--keep").Skip(1).FirstOrDefault();
const int Rounds = 31;

var name = keep ?? $"ap_dash_{Guid.NewGuid():N}"[..24];
await Admin($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
await Admin($"CREATE DATABASE \"{name}\"");
try
{
    var connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
    var timings = new CommandTimings();
    var options = new DbContextOptionsBuilder<AppDbContext>()
        .UseApplicationServiceProvider(AppDbContext.IdentityModelServices)
        .UseNpgsql(ActionPlan.Web.Infrastructure.DatabaseSettings.PostgresConnection(connection), o => o.MigrationsAssembly("ActionPlan.Migrations.Postgres"))
        .AddInterceptors(timings)
        .EnableSensitiveDataLogging(args.Contains("--print-sql"))
        .LogTo(
            line =>
            {
                if (args.Contains("--print-sql") && line.Contains("Executed DbCommand", StringComparison.Ordinal))
                {
                    Console.WriteLine(line);
                }
            },
            Microsoft.Extensions.Logging.LogLevel.Information)
        .Options;
    var contexts = new Contexts(options);
    await using (var db = contexts.CreateDbContext())
    {
        await db.Database.MigrateAsync();
        var watch = Stopwatch.StartNew();
        await db.Database.ExecuteSqlRawAsync(Generator.Sql(tasks));
        await db.Database.ExecuteSqlRawAsync(Generator.RoundSql);
        await db.Database.ExecuteSqlRawAsync(Generator.HistorySql);
        var counts = await db.Milestones.CountAsync();
        Console.WriteLine($"generated {tasks:N0} tasks, {counts:N0} milestones in {watch.Elapsed.TotalSeconds:N1} s");
    }

    var clock = new PortalClock(TimeProvider.System, new ClockOptions { Today = "2022-06-20" });
    var settings = new DeadlineSettings(15, 5, 7, TimeSpan.FromHours(1));
    var dashboard = new DashboardQueries(contexts, clock, settings);
    var list = new TaskQueries(contexts, clock, settings);
    int planId, unitId;
    await using (var db = contexts.CreateDbContext())
    {
        planId = await db.Plans.Select(p => p.Id).SingleAsync();
        unitId = await db.LeadUnits.OrderBy(u => u.Id).Select(u => u.Id).FirstAsync();
    }

    var office = new AccessScope("bench", true, null, true, false);
    var unit = new AccessScope("bench-unit", false, unitId, false, false);
    var refresher = new FigureSnapshotRefresher(contexts, clock, settings, TimeProvider.System, NullLogger<FigureSnapshotRefresher>.Instance);
    if (args.Contains("--seed-only"))
    {
        // For bench/floor.sh: the plan and a fresh snapshot, so the portal serves the 总览 from it at once.
        await refresher.RefreshAsync();
        return;
    }

    var refreshes = new List<double>();
    for (var i = 0; i < 3; i++)
    {
        var watch = Stopwatch.StartNew();
        await refresher.RefreshAsync();
        refreshes.Add(watch.Elapsed.TotalMilliseconds);
    }

    await using (var db = contexts.CreateDbContext())
    {
        Console.WriteLine($"snapshot refresh (delete + 6 INSERT … SELECT … GROUP BY), median of 3: {Median(refreshes),7:N0} ms; {await db.FigureCells.CountAsync():N0} cells");
    }

    async Task Measure(string title, string[] names, Func<AccessScope, Task> load)
    {
        foreach (var (label, scope) in new[] { ("office (all tasks)", office), ("one lead unit", unit) })
        {
            for (var i = 0; i < 3; i++)
            {
                await load(scope);
            }

            timings.Clear();
            var totals = new List<double>();
            for (var i = 0; i < Rounds; i++)
            {
                var watch = Stopwatch.StartNew();
                await load(scope);
                totals.Add(watch.Elapsed.TotalMilliseconds);
            }

            var perQuery = timings.Take();
            perQuery.Count.Should(names.Length * Rounds);
            Console.WriteLine($"{title}, {label}, median of {Rounds}:");
            for (var q = 0; q < names.Length; q++)
            {
                var times = perQuery.Where((_, i) => i % names.Length == q).ToList();
                Console.WriteLine($"  {names[q],-34} {Median(times),7:N1} ms");
            }

            Console.WriteLine($"  {$"whole load ({names.Length} round trips)",-34} {Median(totals),7:N1} ms");
        }
    }

    await Measure("总览 from the snapshot (the usual case)", ["snapshot freshness", "cells of the scope"], scope => dashboard.LoadAsync(scope, planId));
    // The three queries run at once: their times are listed in the order they finished.
    string[] atOnce = ["first query done (of 3 at once)", "second query done", "third query done"];
    await Measure("总览 counted from the tasks (right after a save, until the refresh)", atOnce, scope => dashboard.CountAsync(scope, planId, clock.Today));

    // A past day's 总览 (the 调度通报 of May, opened in June): counted from the history, the same three queries.
    await Measure("总览 as of 2022-05-31, from the history", atOnce, scope => dashboard.CountAsync(scope, planId, new DateOnly(2022, 5, 31)));

    // 总览's 报送与督办 section (not cached): the open round's expected reports per unit, open slips, extensions.
    var reporting = new RoundReportingFigures(contexts);
    await Measure("报送与督办 (uncached, every view)", ["round, units, slips, extensions"], scope => reporting.LoadAsync(scope, planId));

    // A linked list view: 逾期未完成 milestones of the whole plan, first page.
    var listTimes = new List<double>();
    for (var i = 0; i < Rounds + 3; i++)
    {
        var watch = Stopwatch.StartNew();
        await list.MilestonesAsync(office, planId, new TaskListQuery { Milestone = MilestoneState.Overdue });
        listTimes.Add(watch.Elapsed.TotalMilliseconds);
    }

    Console.WriteLine($"linked list tasks?ms=overdue (2 round trips), median: {Median(listTimes.Skip(3).ToList()):N1} ms");
}
finally
{
    NpgsqlConnection.ClearAllPools();
    if (keep is null)
    {
        await Admin($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }
}

return;

async Task Admin(string sql)
{
    await using var admin = new NpgsqlConnection(server);
    await admin.OpenAsync();
    await using var command = new NpgsqlCommand(sql, admin);
    await command.ExecuteNonQueryAsync();
}

static double Median(IReadOnlyList<double> values) => values.Order().ElementAt(values.Count / 2);

internal static class Generator
{
    /// <summary>
    /// One plan, 19 domains, 60 units; task n is in domain 1 + n % 19, led by unit 1 + n % 60 (and a second
    /// unit for every third task), status by n % 10 (4 not started, 4 in progress, 1 completed, 1 suspended),
    /// with 1–3 milestones over 2022; a quarter of those due by July are done, one in eight late.
    /// </summary>
    public static string Sql(int tasks) => $"""
        INSERT INTO "Plans" ("Title", "DocumentNumber", "Year", "SourceHash", "SourceName", "ImportedAt")
        VALUES ('合成行动计划', '合成〔2022〕1号', 2022, md5(random()::text) || md5(random()::text), 'synthetic', now());
        INSERT INTO "Domains" ("PlanId", "Number", "Name", "SourceLine") SELECT p."Id", g, '合成领域' || g, g FROM generate_series(1, 19) g, (SELECT max("Id") AS "Id" FROM "Plans") p;
        INSERT INTO "LeadUnits" ("Name") SELECT '合成单位' || g FROM generate_series(1, 60) g;
        INSERT INTO "PlanTasks" ("PlanId", "DomainId", "Number", "Title", "Text", "Status", "Progress", "Version", "SourceLine")
        SELECT d."PlanId", d."Id", g, '合成任务' || g, '合成任务内容' || g,
               CASE WHEN g % 10 < 4 THEN 'NotStarted' WHEN g % 10 < 8 THEN 'InProgress' WHEN g % 10 = 8 THEN 'Completed' ELSE 'Suspended' END,
               CASE WHEN g % 10 = 8 THEN 100 WHEN g % 10 >= 4 THEN 50 ELSE 0 END, gen_random_uuid(), g
        FROM generate_series(1, {tasks}) g JOIN "Domains" d ON d."Number" = 1 + g % 19;
        INSERT INTO "PlanTaskLeadUnits" ("PlanTaskId", "LeadUnitId", "Position")
        SELECT t."Id", u."Id", 0 FROM "PlanTasks" t JOIN "LeadUnits" u ON u."Name" = '合成单位' || (1 + t."Number" % 60);
        INSERT INTO "PlanTaskLeadUnits" ("PlanTaskId", "LeadUnitId", "Position")
        SELECT t."Id", u."Id", 1 FROM "PlanTasks" t JOIN "LeadUnits" u ON u."Name" = '合成单位' || (1 + (t."Number" * 7 + 3) % 60)
        WHERE t."Number" % 3 = 0 AND (t."Number" * 7 + 3) % 60 <> t."Number" % 60;
        INSERT INTO "Milestones" ("PlanTaskId", "Position", "Due", "Phrase", "Clause", "IsDone", "CompletedOn")
        SELECT t."Id", k, due, 'N月底前', '合成工作内容', done, CASE WHEN done THEN LEAST(due + CASE WHEN (t."Number" + k) % 8 = 0 THEN 5 ELSE -3 END, DATE '2022-06-20') END
        FROM "PlanTasks" t, generate_series(0, 2) k,
             LATERAL (SELECT DATE '2022-01-31' + ((t."Number" * 7 + k * 97) % 334) AS due) d,
             LATERAL (SELECT (t."Number" + k) % 4 = 0 AND d.due <= DATE '2022-07-20' AS done) x
        WHERE k <= t."Number" % 3;
        ANALYZE;
        """;

    /// <summary>
    /// The history of the generated plan: a task not 未启动 was 未启动 until a day of March to May and is as now since;
    /// a done milestone was open until its completion day. So every task and done milestone has one or two rows.
    /// </summary>
    public const string HistorySql = """
        INSERT INTO "TaskHistory" ("PlanTaskId", "From", "Until", "Status", "Progress")
        SELECT t."Id", DATE '0001-01-01', CASE WHEN t."Status" = 'NotStarted' THEN DATE '9999-12-31' ELSE DATE '2022-03-01' + t."Number" % 90 END, 'NotStarted', 0
        FROM "PlanTasks" t;
        INSERT INTO "TaskHistory" ("PlanTaskId", "From", "Until", "Status", "Progress", "ProgressSummary", "Difficulties")
        SELECT t."Id", DATE '2022-03-01' + t."Number" % 90, DATE '9999-12-31', t."Status", t."Progress", t."ProgressSummary", t."Difficulties"
        FROM "PlanTasks" t WHERE t."Status" <> 'NotStarted';
        INSERT INTO "MilestoneHistory" ("MilestoneId", "PlanTaskId", "From", "Until", "Due", "IsDone", "CompletedOn")
        SELECT m."Id", m."PlanTaskId", DATE '0001-01-01', CASE WHEN m."IsDone" THEN m."CompletedOn" ELSE DATE '9999-12-31' END, m."Due", false, NULL
        FROM "Milestones" m;
        INSERT INTO "MilestoneHistory" ("MilestoneId", "PlanTaskId", "From", "Until", "Due", "IsDone", "CompletedOn")
        SELECT m."Id", m."PlanTaskId", m."CompletedOn", DATE '9999-12-31', m."Due", true, m."CompletedOn"
        FROM "Milestones" m WHERE m."IsDone";
        ANALYZE;
        """;

    /// <summary>An open round over the whole plan (it expects one report per task and unit; a third of them are in on time) and 1,000 open slips.</summary>
    public const string RoundSql = """
        INSERT INTO "ReportingRounds" ("PlanId", "Name", "PeriodStart", "PeriodEnd", "DueOn", "OpenedAt", "OpenedBy")
        SELECT max("Id"), '2022年6月调度', DATE '2022-06-01', DATE '2022-06-30', DATE '2022-06-25', now(), 'bench' FROM "Plans";
        INSERT INTO "ProgressReports" ("PlanTaskId", "LeadUnitId", "Author", "Revision", "State", "IsFinal", "Text", "ClaimedProgress", "CreatedAt", "SubmittedAt", "Version")
        SELECT l."PlanTaskId", l."LeadUnitId", 'bench', 1, 'Submitted', false, '本月进展。', 50, now(), now(), gen_random_uuid()
        FROM "PlanTaskLeadUnits" l WHERE l."PlanTaskId" % 3 = 0;
        INSERT INTO "RoundSubmissions" ("RoundId", "PlanTaskId", "LeadUnitId", "ReportId", "FirstSubmittedOn")
        SELECT r."Id", p."PlanTaskId", p."LeadUnitId", p."Id", DATE '2022-06-15'
        FROM "ProgressReports" p, (SELECT max("Id") AS "Id" FROM "ReportingRounds") r WHERE p."Author" = 'bench';
        INSERT INTO "SupervisionSlips" ("PlanTaskId", "Number", "Level", "Matter", "ReplyBy", "IssuedAt", "IssuedBy")
        SELECT t."Id", t."Number", CASE t."Number" % 3 WHEN 0 THEN 'Blue' WHEN 1 THEN 'Yellow' ELSE 'Red' END, '合成督办事项', DATE '2022-06-30', now(), 'bench'
        FROM "PlanTasks" t WHERE t."Number" % 100 = 0;
        ANALYZE;
        """;
}

/// <summary>How long each reader command took, in order.</summary>
internal sealed class CommandTimings : DbCommandInterceptor
{
    private ConcurrentQueue<double> _times = new();

    public void Clear() => _times = new();

    public List<double> Take() => [.. _times];

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        _times.Enqueue(eventData.Duration.TotalMilliseconds);
        return ValueTask.FromResult(result);
    }
}

internal static class Checks
{
    public static void Should(this int actual, int expected)
    {
        if (actual != expected)
        {
            throw new InvalidOperationException($"expected {expected} commands, saw {actual}");
        }
    }
}

internal sealed class Contexts(DbContextOptions<AppDbContext> options) : IDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext() => new(options);
}
