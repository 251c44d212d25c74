using System.Diagnostics;
using ActionPlan.Data;
using ActionPlan.Web.Features.Channels;
using ActionPlan.Web.Features.Deadlines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ActionPlan.Web.Features.Rules;
using ActionPlan.Web.Features.Shared;

// Deadline scan benchmark: synthetic plans of N milestones on PostgreSQL, as-of 2022-06-20 (a mix of
// on-track, approaching and overdue milestones), 5 office users and 50 unit users. For each size it
// prints the median time of three scan kinds, then the ratio time(100k)/time(10k).
var server = Environment.GetEnvironmentVariable("ACTIONPLAN_BENCH_POSTGRES")
    ?? throw new InvalidOperationException("Set ACTIONPLAN_BENCH_POSTGRES (bench/run.sh starts a server and sets it).");
// --no-users leaves out the accounts, to show what the notification fan-out costs on its own.
var withUsers = !args.Contains("--no-users");
var given = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).Select(int.Parse).ToArray();
int[] sizes = given.Length > 0 ? given : [10_000, 100_000];

var results = new Dictionary<int, (double Cold, double Steady, double NextDay)>();
foreach (var size in sizes)
{
    var name = $"ap_bench_{size}_{Guid.NewGuid():N}"[..30];
    await Admin($"CREATE DATABASE \"{name}\"");
    try
    {
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
        var options = new DbContextOptionsBuilder<AppDbContext>()
            .UseApplicationServiceProvider(AppDbContext.IdentityModelServices)
            .UseNpgsql(ActionPlan.Web.Infrastructure.DatabaseSettings.PostgresConnection(connection), o => o.MigrationsAssembly("ActionPlan.Migrations.Postgres")).Options;
        var contexts = new Contexts(options);
        await using (var db = contexts.CreateDbContext())
        {
            await db.Database.MigrateAsync();
            await Generate(db, size, withUsers);
        }

        var cold = new List<double>();
        var coldTotal = new List<double>();
        var steady = new List<double>();
        var nextDay = new List<double>();
        for (var round = 0; round < 3; round++)
        {
            await using (var db = contexts.CreateDbContext())
            {
                await db.Database.ExecuteSqlRawAsync("""TRUNCATE "Notifications", "Alerts" RESTART IDENTITY""");
            }

            var (longest, total) = await TimeBatches(Scanner(contexts, "2022-06-20"));
            cold.Add(longest);
            coldTotal.Add(total);
            steady.Add(await Time(Scanner(contexts, "2022-06-20")));
            nextDay.Add(await Time(Scanner(contexts, "2022-06-21")));
        }

        results[size] = (Median(cold), Median(steady), Median(nextDay));
        Console.WriteLine($"{size,8:N0} milestones  first scan: longest batch {Median(cold),6:N0} ms (all batches {Median(coldTotal),6:N0} ms)   unchanged re-scan {Median(steady),6:N0} ms   next-day scan {Median(nextDay),6:N0} ms");
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
    Console.WriteLine($"ratio {sizes[1]:N0}/{sizes[0]:N0}: first-scan longest batch {large.Cold / small.Cold:0.0}x, unchanged {large.Steady / small.Steady:0.0}x, next-day {large.NextDay / small.NextDay:0.0}x");
}

return;

async Task Admin(string sql)
{
    await using var admin = new NpgsqlConnection(server);
    await admin.OpenAsync();
    await using var command = new NpgsqlCommand(sql, admin);
    await command.ExecuteNonQueryAsync();
}

static DeadlineScanner Scanner(Contexts contexts, string today)
{
    var clock = new PortalClock(TimeProvider.System, new ClockOptions { Today = today });
    return new DeadlineScanner(contexts, clock, new DeadlineSettings(15, 5, 7, TimeSpan.FromHours(1)), new AlertFeed(), new OutboxWriter(TimeProvider.System), TimeProvider.System, NullLogger<DeadlineScanner>.Instance);
}

static async Task<double> Time(DeadlineScanner scanner)
{
    var watch = Stopwatch.StartNew();
    await scanner.ScanAsync();
    return watch.Elapsed.TotalMilliseconds;
}

// The first scan of a big plan raises its backlog in bounded batches (MaxAlertsPerScan): the longest one and the sum.
static async Task<(double Longest, double Total)> TimeBatches(DeadlineScanner scanner)
{
    var times = new List<double>();
    ScanResult result;
    do
    {
        var watch = Stopwatch.StartNew();
        result = await scanner.ScanAsync();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }
    while (!result.Complete);

    return (times.Max(), times.Sum());
}

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

// One plan, one domain, size/2 tasks with two milestones each, due on days spread over 2022;
// 50 lead units (one per task), 5 office users and one user per unit. Set-based SQL: seconds, not minutes.
static async Task Generate(AppDbContext db, int milestones, bool withUsers)
{
    var tasks = milestones / 2;
    var sql = $"""
        INSERT INTO "Plans" ("Title", "DocumentNumber", "Year", "SourceHash", "SourceName", "ImportedAt")
        VALUES ('合成计划', '合成〔2022〕1号', 2022, md5(random()::text) || md5(random()::text), 'synthetic', now());
        INSERT INTO "Domains" ("PlanId", "Number", "Name", "SourceLine") SELECT max("Id"), 1, '合成领域', 1 FROM "Plans";
        INSERT INTO "LeadUnits" ("Name") SELECT '合成单位' || g FROM generate_series(1, 50) g;
        INSERT INTO "PlanTasks" ("PlanId", "DomainId", "Number", "Title", "Text", "Status", "Progress", "Version", "SourceLine")
        SELECT p."Id", d."Id", g, '任务' || g, '合成任务内容' || g, 'NotStarted', 0, gen_random_uuid(), g
        FROM generate_series(1, {tasks}) g, (SELECT max("Id") AS "Id" FROM "Plans") p, (SELECT max("Id") AS "Id" FROM "Domains") d;
        INSERT INTO "PlanTaskLeadUnits" ("PlanTaskId", "LeadUnitId", "Position")
        SELECT t."Id", u."Id", 0 FROM "PlanTasks" t JOIN "LeadUnits" u ON u."Name" = '合成单位' || (1 + t."Number" % 50);
        INSERT INTO "Milestones" ("PlanTaskId", "Position", "Due", "Phrase", "Clause", "IsDone")
        SELECT t."Id", k, DATE '2022-01-31' + ((t."Number" * 7 + k * 97) % 334), 'N月底前', '合成工作内容', false
        FROM "PlanTasks" t, generate_series(0, 1) k;
        ANALYZE;
        """;
    await db.Database.ExecuteSqlRawAsync(sql);
    if (!withUsers)
    {
        return;
    }

    var users = """
        INSERT INTO "AspNetRoles" ("Id", "Name", "NormalizedName") VALUES ('office', 'Office', 'OFFICE') ON CONFLICT DO NOTHING;
        INSERT INTO "AspNetUsers" ("Id", "UserName", "NormalizedUserName", "IsDisabled", "MustChangePassword", "CreatedAt", "EmailConfirmed",
                                   "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount", "LeadUnitId")
        SELECT 'u' || u."Id", 'unit' || u."Id", 'UNIT' || u."Id", false, false, now(), false, false, false, true, 0, u."Id" FROM "LeadUnits" u
        UNION ALL
        SELECT 'o' || g, 'office' || g, 'OFFICE' || g, false, false, now(), false, false, false, true, 0, NULL FROM generate_series(1, 5) g;
        INSERT INTO "AspNetUserRoles" ("UserId", "RoleId") SELECT 'o' || g, 'office' FROM generate_series(1, 5) g;
        ANALYZE;
        """;
    await db.Database.ExecuteSqlRawAsync(users);
}

internal sealed class Contexts(DbContextOptions<AppDbContext> options) : IDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext() => new(options);
}
