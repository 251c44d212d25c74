using System.Diagnostics;
using ActionPlan.Data;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Audit;
using ActionPlan.Web.Features.Channels;
using ActionPlan.Web.Features.Deadlines;
using ActionPlan.Web.Features.Rounds;
using ActionPlan.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

// 调度轮次 benchmark: synthetic plans of N tasks (default 10,000 and 100,000) in 19 domains and 60 lead units
// (a second unit on every third task, so about 1.33 expected reports per task), one user per unit, on
// PostgreSQL. For each size: the median of five runs of (a) ReportingRounds.OpenAsync over the whole plan,
// (b) one ReminderScanner scan the day after the due day, when every unit has missing reports (a chase per
// unit and a notification per user are inserted), and (c) the round page's counts (the round's figures and
// the per-unit table) once a third of the reports are in; then the ratio time(100k)/time(10k).
var server = Environment.GetEnvironmentVariable("ACTIONPLAN_BENCH_POSTGRES")
    ?? throw new InvalidOperationException("Set ACTIONPLAN_BENCH_POSTGRES (bench/run.sh starts a server and sets it).");
var given = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).Select(int.Parse).ToArray();
int[] sizes = given.Length > 0 ? given : [10_000, 100_000];
const int Runs = 5;
var office = new AccessScope("bench", true, null, true, false);
var notifier = new RoundNotifier(TimeProvider.System, new AlertFeed(), new OutboxWriter(TimeProvider.System));

var results = new Dictionary<int, (double Open, double Scan, double Read)>();
foreach (var size in sizes)
{
    var name = $"ap_round_{size}_{Guid.NewGuid():N}"[..30];
    await Admin($"CREATE DATABASE \"{name}\"");
    try
    {
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
        var options = new DbContextOptionsBuilder<AppDbContext>()
            .UseApplicationServiceProvider(AppDbContext.IdentityModelServices)
            .UseNpgsql(ActionPlan.Web.Infrastructure.DatabaseSettings.PostgresConnection(connection), o => o.MigrationsAssembly("ActionPlan.Migrations.Postgres")).Options;
        var contexts = new Contexts(options);
        int planId;
        await using (var db = contexts.CreateDbContext())
        {
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync(Generator.Sql(size));
            planId = await db.Plans.Select(p => p.Id).SingleAsync();
        }

        var opening = Rounds(contexts, "2022-06-01");
        var scanner = new ReminderScanner(contexts, Clock("2022-06-26"), new ReminderOptions(), notifier, TimeProvider.System, NullLogger<ReminderScanner>.Instance);
        var open = new List<double>();
        var scan = new List<double>();
        var read = new List<double>();
        int expected = 0, chases = 0;
        for (var run = 0; run < Runs + 1; run++)
        {
            var input = RoundInput.Monthly(new DateOnly(2022, 6, 1));
            input.Name = $"2022年6月调度 {run}";
            var watch = Stopwatch.StartNew();
            var opened = await opening.OpenAsync(office, planId, input);
            var openMs = watch.Elapsed.TotalMilliseconds;
            if (!opened.Succeeded)
            {
                throw new InvalidOperationException(opened.Message);
            }

            watch.Restart();
            chases = await scanner.ScanAsync() ?? throw new InvalidOperationException("the reminder lock was held");
            var scanMs = watch.Elapsed.TotalMilliseconds;
            await using (var db = contexts.CreateDbContext())
            {
                expected = await ExpectedReports.Of(db).CountAsync(e => e.RoundId == opened.RoundId);
                await db.Database.ExecuteSqlRawAsync(Generator.SubmittedSql(opened.RoundId!.Value));
            }

            watch.Restart();
            var round = await opening.GetAsync(office, opened.RoundId!.Value) ?? throw new InvalidOperationException("the round is gone");
            var units = await opening.UnitsAsync(office, opened.RoundId!.Value);
            var readMs = watch.Elapsed.TotalMilliseconds;
            if (round.Figures.Submitted == 0 || round.Figures.Missing == 0 || units.Count != 60)
            {
                throw new InvalidOperationException($"unexpected figures: {round.Figures}, {units.Count} units");
            }

            await using (var db = contexts.CreateDbContext())
            {
                // Each run starts from the same state: no round, no report, no chase, no notification.
                await db.Database.ExecuteSqlRawAsync("""DELETE FROM "ReportingRounds"; DELETE FROM "ProgressReports"; TRUNCATE "Notifications"; ANALYZE "RoundSubmissions";""");
            }

            // The first run warms up the code paths and is not counted.
            if (run > 0)
            {
                open.Add(openMs);
                scan.Add(scanMs);
                read.Add(readMs);
            }
        }

        results[size] = (Median(open), Median(scan), Median(read));
        Console.WriteLine($"{size,8:N0} tasks ({expected:N0} expected reports)  open round: {Median(open),6:N0} ms   reminder scan ({chases} units chased): {Median(scan),6:N0} ms   round page counts: {Median(read),6:N0} ms   (medians of {Runs})");
    }
    finally
    {
        NpgsqlConnection.ClearAllPools();
        await Admin($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }
}

if (results.Count == 2)
{
    var (small, large) = (results[sizes[0]], results[sizes[1]]);
    Console.WriteLine($"ratio {sizes[1]:N0}/{sizes[0]:N0}: open round {large.Open / small.Open:0.0}x, reminder scan {large.Scan / small.Scan:0.0}x, round page counts {large.Read / small.Read:0.0}x");
}

return;

async Task Admin(string sql)
{
    await using var admin = new NpgsqlConnection(server);
    await admin.OpenAsync();
    await using var command = new NpgsqlCommand(sql, admin);
    await command.ExecuteNonQueryAsync();
}

static PortalClock Clock(string today) => new(TimeProvider.System, new ClockOptions { Today = today });

ReportingRounds Rounds(Contexts contexts, string today) =>
    new(contexts, Clock(today), new AuditWriter(TimeProvider.System), notifier, NullLogger<ReportingRounds>.Instance);

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

internal static class Generator
{
    /// <summary>
    /// One plan, 19 domains, 60 units; task n is in domain 1 + n % 19, led by unit 1 + n % 60 and a second unit for
    /// every third task (as bench/DashboardBench's plan); one unit user per unit and five office users.
    /// </summary>
    public static string Sql(int tasks) => $"""
        INSERT INTO "Plans" ("Title", "DocumentNumber", "Year", "SourceHash", "SourceName", "ImportedAt")
        VALUES ('合成行动计划', '合成〔2022〕1号', 2022, md5(random()::text) || md5(random()::text), 'synthetic', now());
        INSERT INTO "Domains" ("PlanId", "Number", "Name", "SourceLine") SELECT p."Id", g, '合成领域' || g, g FROM generate_series(1, 19) g, (SELECT max("Id") AS "Id" FROM "Plans") p;
        INSERT INTO "LeadUnits" ("Name") SELECT '合成单位' || g FROM generate_series(1, 60) g;
        INSERT INTO "PlanTasks" ("PlanId", "DomainId", "Number", "Title", "Text", "Status", "Progress", "Version", "SourceLine")
        SELECT d."PlanId", d."Id", g, '合成任务' || g, '合成任务内容' || g, 'InProgress', 50, gen_random_uuid(), g
        FROM generate_series(1, {tasks}) g JOIN "Domains" d ON d."Number" = 1 + g % 19;
        INSERT INTO "PlanTaskLeadUnits" ("PlanTaskId", "LeadUnitId", "Position")
        SELECT t."Id", u."Id", 0 FROM "PlanTasks" t JOIN "LeadUnits" u ON u."Name" = '合成单位' || (1 + t."Number" % 60);
        INSERT INTO "PlanTaskLeadUnits" ("PlanTaskId", "LeadUnitId", "Position")
        SELECT t."Id", u."Id", 1 FROM "PlanTasks" t JOIN "LeadUnits" u ON u."Name" = '合成单位' || (1 + (t."Number" * 7 + 3) % 60)
        WHERE t."Number" % 3 = 0 AND (t."Number" * 7 + 3) % 60 <> t."Number" % 60;
        INSERT INTO "AspNetUsers" ("Id", "UserName", "NormalizedUserName", "IsDisabled", "MustChangePassword", "CreatedAt", "EmailConfirmed",
                                   "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount", "LeadUnitId")
        SELECT 'u' || u."Id", 'unit' || u."Id", 'UNIT' || u."Id", false, false, now(), false, false, false, true, 0, u."Id" FROM "LeadUnits" u;
        ANALYZE;
        """;

    /// <summary>A submitted report, received by the round, from every unit of every third task.</summary>
    public static string SubmittedSql(int roundId) => $"""
        INSERT INTO "ProgressReports" ("PlanTaskId", "LeadUnitId", "Author", "Revision", "State", "IsFinal", "Text", "ClaimedProgress", "CreatedAt", "SubmittedAt", "Version")
        SELECT l."PlanTaskId", l."LeadUnitId", 'bench', 1, 'Submitted', false, '本月进展。', 50, now(), now(), gen_random_uuid()
        FROM "PlanTaskLeadUnits" l WHERE l."PlanTaskId" % 3 = 0;
        INSERT INTO "RoundSubmissions" ("RoundId", "PlanTaskId", "LeadUnitId", "ReportId", "FirstSubmittedOn")
        SELECT {roundId}, r."PlanTaskId", r."LeadUnitId", r."Id", DATE '2022-06-20' FROM "ProgressReports" r;
        ANALYZE;
        """;
}

internal sealed class Contexts(DbContextOptions<AppDbContext> options) : IDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext() => new(options);
}
