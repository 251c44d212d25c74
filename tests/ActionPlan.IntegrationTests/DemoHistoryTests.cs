using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Dashboard;
using ActionPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ActionPlan.IntegrationTests;

/// <summary>One portal that played the demo history (2022-04-06 to the simulated 2022-06-20) on first start.</summary>
public abstract class DemoPortalFixture(DatabaseProvider provider) : IAsyncLifetime
{
    public static readonly DateOnly Today = new(2022, 6, 20);

    public PortalFactory Portal { get; private set; } = null!;

    public static Dictionary<string, string> DemoSettings() => new()
    {
        ["Seed:DemoUsers"] = "true",
        ["Seed:DemoHistory"] = "true",
        ["Clock:Today"] = "2022-06-20",
        ["DeadlineWatch:Enabled"] = "false",
        ["Dashboard:Snapshots"] = "false",
        ["Dashboard:CacheSeconds"] = "0",
    };

    public async Task InitializeAsync()
    {
        Portal = new PortalFactory(await TestDatabase.CreateAsync(provider)) { Settings = DemoSettings() };
        Portal.CreateClient().Dispose();
    }

    public async Task DisposeAsync()
    {
        await Portal.DisposeAsync();
        await Portal.Database.DisposeAsync();
    }
}

public sealed class SqliteDemoPortal() : DemoPortalFixture(DatabaseProvider.Sqlite);

public sealed class PostgresDemoPortal() : DemoPortalFixture(DatabaseProvider.Postgres);

/// <summary>
/// The demo history: played through the real services so every table the pages read holds a living plan;
/// deterministic, played once, marked as 演示数据, never in Production.
/// </summary>
public abstract class DemoHistoryTests(DemoPortalFixture fixture, DatabaseProvider provider)
{
    private static readonly AccessScope Leader = new("leader", true, null, false, false);

    private PortalFactory Portal => fixture.Portal;

    [Fact]
    public async Task The_demo_leaves_tasks_in_every_state_with_reports_reviewed_and_returned()
    {
        var statuses = await Portal.WithDbAsync(db => db.PlanTasks.GroupBy(t => t.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));
        statuses.Values.Sum().Should().Be(165);
        statuses[PlanTaskStatus.InProgress].Should().BeGreaterThan(100, "most tasks are under way by June");
        statuses[PlanTaskStatus.NotStarted].Should().BeInRange(1, 30, "a few have not started");
        statuses[PlanTaskStatus.Completed].Should().BeInRange(1, 15, "a few early finishers were closed");

        (await Portal.WithDbAsync(db => db.PlanTasks.CountAsync(t => t.ClosedAt != null && t.ClosingReportId != null)))
            .Should().Be(statuses[PlanTaskStatus.Completed], "every finished task was closed (销号) on an approved final report");

        var reports = await Portal.WithDbAsync(db => db.ProgressReports.GroupBy(r => r.State).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));
        reports[ReviewState.Approved].Should().BeGreaterThan(200);
        reports[ReviewState.Returned].Should().BeGreaterThan(10);
        reports[ReviewState.Submitted].Should().BeGreaterThan(0, "some reports wait for review on the last day");
        reports.Should().NotContainKey(ReviewState.Draft);

        // Every returned report was submitted again as a new revision (or its task was closed meanwhile).
        (await Portal.WithDbAsync(db => db.ProgressReports.CountAsync(r => r.State == ReviewState.Returned
            && !db.ProgressReports.Any(n => n.PreviousReportId == r.Id) && r.PlanTask.ClosedAt == null && r.ReviewedAt != null)))
            .Should().BeLessThanOrEqualTo(3, "only the last two days' returns may still wait for their revision");
    }

    [Fact]
    public async Task The_monthly_cycle_ran_rounds_slips_extensions_and_issued_two_dispatch_reports()
    {
        var rounds = await Portal.WithDbAsync(db => db.ReportingRounds.OrderBy(r => r.Id).Select(r => new { r.Name, r.DueOn, Closed = r.ClosedAt != null }).ToListAsync());
        rounds.Select(r => (r.Name, r.DueOn, r.Closed)).Should().Equal(
            ("2022年4月调度", new DateOnly(2022, 4, 25), true),
            ("2022年5月调度", new DateOnly(2022, 5, 25), true),
            ("2022年6月调度", new DateOnly(2022, 6, 25), false));

        // Late reports: submitted after their round's due day.
        (await Portal.WithDbAsync(db => db.RoundSubmissions.CountAsync(s => s.FirstSubmittedOn > s.Round.DueOn))).Should().BeGreaterThan(0);

        (await Portal.WithDbAsync(db => db.SupervisionSlips.CountAsync())).Should().BeGreaterThan(0);
        (await Portal.WithDbAsync(db => db.SlipRecipients.CountAsync(r => r.RepliedAt != null))).Should().BeGreaterThan(0);

        var extensions = await Portal.WithDbAsync(db => db.ExtensionRequests.GroupBy(r => r.State).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));
        extensions.Should().ContainKey(ExtensionState.Approved).And.ContainKey(ExtensionState.Refused).And.ContainKey(ExtensionState.Pending);
        (await Portal.WithDbAsync(db => db.Milestones.CountAsync(m => m.OriginalDue != null))).Should().Be(extensions[ExtensionState.Approved]);

        var issued = await Portal.WithDbAsync(db => db.IssuedDispatchReports.OrderBy(r => r.Number).Select(r => new { r.Number, r.Month, r.AsOf, r.IssuedBy, r.IssuedAt }).ToListAsync());
        issued.Select(r => (r.Number, r.Month, r.AsOf, r.IssuedBy)).Should().Equal(
            (1, new DateOnly(2022, 4, 1), new DateOnly(2022, 4, 30), "office"),
            (2, new DateOnly(2022, 5, 1), new DateOnly(2022, 5, 31), "office"));
        issued[0].IssuedAt.ToOffset(TimeSpan.FromHours(8)).Date.Should().Be(new DateTime(2022, 5, 6), "issued on its simulated day");

        (await Portal.WithDbAsync(db => db.Alerts.CountAsync())).Should().BeGreaterThan(0, "the deadline scanner ran on the simulated days");
    }

    [Fact]
    public async Task Past_days_figures_come_from_the_history_the_play_wrote()
    {
        var queries = Portal.Services.GetRequiredService<DashboardQueries>();
        var planId = await Portal.WithDbAsync(db => db.Plans.Select(p => p.Id).SingleAsync());

        var start = await queries.CountAsync(Leader, planId, new DateOnly(2022, 4, 5));
        var april = await queries.CountAsync(Leader, planId, new DateOnly(2022, 4, 30));
        var today = await queries.CountAsync(Leader, planId, DemoPortalFixture.Today);

        start.Tasks.NotStarted.Should().Be(165, "before the office started, no task had moved");
        april.Tasks.InProgress.Should().BeGreaterThan(0).And.BeLessThan(today.Tasks.InProgress + today.Tasks.Completed + 1);
        april.Tasks.Completed.Should().Be(0, "the first task was closed in May or later");
        today.Tasks.Completed.Should().BeGreaterThan(0);
        today.Tasks.InProgress.Should().Be(await Portal.WithDbAsync(db => db.PlanTasks.CountAsync(t => t.Status == PlanTaskStatus.InProgress)));

        // The 第1期 通报 was issued from the same history: its stored figures are the 30 April ones.
        var issuedApril = await Portal.WithDbAsync(db => db.IssuedDispatchReports.Where(r => r.Number == 1).Select(r => r.FiguresJson).SingleAsync());
        issuedApril.Should().Contain($"\"NotStarted\":{april.Tasks.NotStarted},\"InProgress\":{april.Tasks.InProgress},\"Completed\":0");
    }

    [Fact]
    public async Task The_demo_is_deterministic_and_played_only_once()
    {
        var before = await FingerprintAsync(Portal);

        // A restart on the same database plays nothing more.
        await using (var again = new PortalFactory(Portal.Database) { Settings = DemoPortalFixture.DemoSettings() })
        {
            again.CreateClient().Dispose();
            (await FingerprintAsync(again)).Should().Be(before);
            (await again.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "PlayDemoHistory"))).Should().Be(1);
        }

        // A second fresh database gets the very same history.
        await using var other = await TestDatabase.CreateAsync(provider);
        await using var second = new PortalFactory(other) { Settings = DemoPortalFixture.DemoSettings() };
        second.CreateClient().Dispose();
        (await FingerprintAsync(second)).Should().Be(before);
    }

    [Fact]
    public async Task Pages_say_the_data_is_a_demo_and_the_work_is_the_demo_accounts()
    {
        using var client = await Portal.ClientAsync("office", SeedOptions.DefaultDemoPassword);
        var page = await client.GetStringAsync("/dashboard");
        page.Should().Contain("data-testid=\"demo-data\"").And.Contain("演示数据");

        var actors = await Portal.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "PlanTask").Select(a => a.Actor).Distinct().ToListAsync());
        actors.Should().Contain("office").And.Contain(a => a.StartsWith("unit"));
        actors.Should().OnlyContain(a => a == "office" || a.StartsWith("unit"));
        var marker = await Portal.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "PlayDemoHistory"));
        marker.Actor.Should().Be("system");
        marker.NewValue.Should().Be("2022-04-06 至 2022-06-20");
    }

    [Fact]
    public async Task A_portal_without_the_setting_plays_nothing_and_shows_no_demo_chip()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var settings = DemoPortalFixture.DemoSettings();
        settings.Remove("Seed:DemoHistory");
        await using var portal = new PortalFactory(database) { Settings = settings };
        using var client = await portal.ClientAsync("office", SeedOptions.DefaultDemoPassword);

        (await client.GetStringAsync("/dashboard")).Should().NotContain("data-testid=\"demo-data\"");
        (await portal.WithDbAsync(db => db.AuditEntries.CountAsync())).Should().Be(0);
        (await portal.WithDbAsync(db => db.PlanTasks.CountAsync(t => t.Status != PlanTaskStatus.NotStarted))).Should().Be(0);
    }

    private static Task<string> FingerprintAsync(PortalFactory portal) => portal.WithDbAsync(async db =>
    {
        var tasks = await db.PlanTasks.OrderBy(t => t.Number).Select(t => new { t.Number, t.Status, t.Progress, Closed = t.ClosedAt != null }).ToListAsync();
        var milestones = await db.Milestones.OrderBy(m => m.PlanTaskId).ThenBy(m => m.Position).Select(m => new { m.Due, m.IsDone, m.CompletedOn }).ToListAsync();
        var reports = await db.ProgressReports.GroupBy(r => r.State).Select(g => new { g.Key, Count = g.Count() }).OrderBy(g => g.Key).ToListAsync();
        var slips = await db.SupervisionSlips.OrderBy(s => s.Number).Select(s => new { s.Number, s.Level, s.ReplyBy }).ToListAsync();
        return string.Join("|", tasks) + string.Join("|", milestones) + string.Join("|", reports) + string.Join("|", slips)
            + await db.AuditEntries.CountAsync() + "/" + await db.TaskHistory.CountAsync();
    });
}

[Collection("demo")]
public sealed class SqliteDemoHistoryTests(SqliteDemoPortal fixture) : DemoHistoryTests(fixture, DatabaseProvider.Sqlite), IClassFixture<SqliteDemoPortal>;

[Collection("demo")]
public sealed class PostgresDemoHistoryTests(PostgresDemoPortal fixture) : DemoHistoryTests(fixture, DatabaseProvider.Postgres), IClassFixture<PostgresDemoPortal>;
