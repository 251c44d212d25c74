using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Dashboard;
using ActionPlan.Web.Features.Dispatch;
using ActionPlan.Web.Features.Rounds;
using ActionPlan.Web.Features.Rules;
using ActionPlan.Web.Features.Shared;
using ActionPlan.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActionPlan.IntegrationTests;

/// <summary>
/// 总览 and 调度通报 on a small hand-built plan, as of 2022-06-20 (临期 15 days, 紧急 5 days), against
/// counts made by hand; then every milestone count against the 任务清单 view it links to.
/// </summary>
public abstract class DashboardFigureTests(PortalFixture fixture)
{
    private static readonly DateOnly Today = new(2022, 6, 20);
    private static readonly DeadlineSettings Settings = new(15, 5, 7, TimeSpan.FromHours(1));
    private static readonly AccessScope Office = new("office1", true, null, true, false);

    private PortalFactory Portal => fixture.Portal;

    private IDbContextFactory<AppDbContext> Contexts => Portal.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();

    private static PortalClock Clock(DateOnly today) =>
        new(TimeProvider.System, new ClockOptions { Today = today.ToString("yyyy-MM-dd") });

    private DashboardQueries Dashboard(DateOnly today) => new(Contexts, Clock(today), Settings);

    private FigureSnapshotRefresher Refresher(DateOnly today) => new(Contexts, Clock(today), Settings, TimeProvider.System, NullLogger<FigureSnapshotRefresher>.Instance);

    private TaskQueries Tasks(DateOnly today) => new(Contexts, Clock(today), Settings);

    /// <summary>
    /// Six tasks in two domains and two units:
    /// T1 甲 completed: 03-31 done 03-20 (on time), 04-30 done 05-10 (late);
    /// T2 甲、乙 in progress: 05-31 open (overdue), 06-22 open (urgent);
    /// T3 乙 not started: 07-01 open (approaching), 09-30 open;
    /// T4 乙 suspended: no milestone; T5 甲 in progress: 06-20 open (urgent, due today), 08-31 done 06-01 (early);
    /// T6 no unit, not started: 06-10 open (overdue).
    /// </summary>
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static readonly Dictionary<PortalFixture, (int PlanId, int UnitA, int UnitB)> Built = [];

    private async Task<(int PlanId, int UnitA, int UnitB)> PlanAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (Built.TryGetValue(fixture, out var built))
            {
                return built;
            }

            await using var db = await Contexts.CreateDbContextAsync();
            var plan = new Plan { Title = "手工计划", DocumentNumber = "手工〔2021〕1号", Year = 2021, SourceHash = Guid.NewGuid().ToString("N"), SourceName = "hand-built" };
            var d1 = new Domain { Plan = plan, Number = 1, Name = "甲领域" };
            var d2 = new Domain { Plan = plan, Number = 2, Name = "乙领域" };
            var a = new LeadUnit { Name = "手工甲单位" };
            var b = new LeadUnit { Name = "手工乙单位" };
            PlanTask Task(int number, Domain domain, PlanTaskStatus status, LeadUnit[] units, params (string Due, string? Done)[] milestones) => new()
            {
                Plan = plan, Domain = domain, Number = number, Title = $"手工任务{number}", Text = $"手工任务{number}", Status = status,
                LeadUnits = units.Select((u, i) => new PlanTaskLeadUnit { LeadUnit = u, Position = i }).ToList(),
                Milestones = milestones.Select((m, i) => new Milestone
                {
                    Position = i, Due = DateOnly.Parse(m.Due), Phrase = "手工节点", Clause = "手工节点",
                    IsDone = m.Done is not null, CompletedOn = m.Done is null ? null : DateOnly.Parse(m.Done),
                }).ToList(),
            };
            db.PlanTasks.AddRange(
                Task(1, d1, PlanTaskStatus.Completed, [a], ("2022-03-31", "2022-03-20"), ("2022-04-30", "2022-05-10")),
                Task(2, d1, PlanTaskStatus.InProgress, [a, b], ("2022-05-31", null), ("2022-06-22", null)),
                Task(3, d1, PlanTaskStatus.NotStarted, [b], ("2022-07-01", null), ("2022-09-30", null)),
                Task(4, d2, PlanTaskStatus.Suspended, [b]),
                Task(5, d2, PlanTaskStatus.InProgress, [a], ("2022-06-20", null), ("2022-08-31", "2022-06-01")),
                Task(6, d2, PlanTaskStatus.NotStarted, [], ("2022-06-10", null)));
            await db.SaveChangesAsync();
            built = (plan.Id, a.Id, b.Id);
            Built[fixture] = built;
            return built;
        }
        finally
        {
            Once.Release();
        }
    }

    [Fact]
    public async Task Figures_equal_the_hand_counts()
    {
        var (planId, _, _) = await PlanAsync();

        var f = await Dashboard(Today).LoadAsync(Office, planId);

        f.Tasks.Should().Be(new TaskFigures(Total: 6, NotStarted: 2, InProgress: 2, Completed: 1, Suspended: 1, OverdueTasks: 2));
        f.Milestones.Should().Be(new MilestoneFigures(DueSoFar: 5, DoneOnTime: 2, DoneLate: 1, Approaching: 1, Urgent: 2, Overdue: 2));
        f.Domains.Select(d => (d.Number, d.Tasks, d.Milestones)).Should().BeEquivalentTo(new[]
        {
            (1, new TaskFigures(3, 1, 1, 1, 0, 1), new MilestoneFigures(3, 1, 1, 1, 1, 1)),
            (2, new TaskFigures(3, 1, 1, 0, 1, 1), new MilestoneFigures(2, 1, 0, 0, 1, 1)),
        });
        f.Units.Should().BeEquivalentTo(new[]
        {
            new UnitFigures("手工乙单位", Tasks: 3, DueSoFar: 1, DoneOnTime: 0, DoneLate: 0, Overdue: 1),
            new UnitFigures("手工甲单位", Tasks: 3, DueSoFar: 4, DoneOnTime: 2, DoneLate: 1, Overdue: 1),
        }, o => o.WithStrictOrdering(), "both have one overdue milestone and 乙's on-time rate (0 of 1) is below 甲's (2 of 4)");
        f.Units.Single(u => u.Name == "手工甲单位").OnTimeRate.Should().Be(0.5);
        f.Months.Should().Equal(
            new MonthFigures(new(2022, 3, 1), 1, 1, 0, 0, 0),
            new MonthFigures(new(2022, 4, 1), 1, 0, 1, 0, 0),
            new MonthFigures(new(2022, 5, 1), 1, 0, 0, 1, 0),
            new MonthFigures(new(2022, 6, 1), 3, 0, 0, 1, 2),
            new MonthFigures(new(2022, 7, 1), 1, 0, 0, 0, 1),
            new MonthFigures(new(2022, 8, 1), 1, 1, 0, 0, 0),
            new MonthFigures(new(2022, 9, 1), 1, 0, 0, 0, 1));
    }

    [Fact]
    public async Task The_snapshot_gives_the_same_figures_as_counting_for_every_scope()
    {
        var (planId, unitA, unitB) = await PlanAsync();
        var realPlan = await Portal.WithDbAsync(db => db.Plans.Where(p => p.Year == 2022).Select(p => p.Id).SingleAsync());
        var realUnit = await Portal.WithDbAsync(db => db.LeadUnits.Where(u => u.Name == "省税务局").Select(u => u.Id).SingleAsync());
        var dashboard = Dashboard(Today);

        await Refresher(Today).RefreshAsync();

        foreach (var (plan, scope) in new[]
        {
            (planId, Office), (planId, new AccessScope("a", false, unitA, false, false)), (planId, new AccessScope("b", false, unitB, false, false)),
            (realPlan, Office), (realPlan, new AccessScope("t", false, realUnit, false, false)), (realPlan, AccessScope.Nobody), (planId, AccessScope.Nobody),
        })
        {
            var fromSnapshot = await dashboard.LoadAsync(scope, plan);
            var counted = await dashboard.CountAsync(scope, plan, Today);
            fromSnapshot.Should().BeEquivalentTo(counted, o => o.WithStrictOrdering(), $"plan {plan}, unit {scope.LeadUnitId}");
        }

        (await dashboard.LoadAsync(AccessScope.Nobody, realPlan)).Tasks.Total.Should().Be(0, "a user with neither a role that sees all tasks nor a unit sees nothing");
        var snapshot = await Portal.WithDbAsync(db => db.FigureSnapshots.SingleAsync(s => s.PlanId == planId));
        snapshot.AsOf.Should().Be(Today);
    }

    [Fact]
    public async Task A_save_after_the_snapshot_is_counted_at_once_not_shown_stale()
    {
        var (planId, _, _) = await PlanAsync();
        await Refresher(Today).RefreshAsync();
        var before = await Dashboard(Today).LoadAsync(Office, planId);

        await using (var db = await Contexts.CreateDbContextAsync())
        {
            var task = await db.PlanTasks.SingleAsync(t => t.PlanId == planId && t.Number == 6);
            task.Status = PlanTaskStatus.InProgress;
            await db.SaveChangesAsync();
        }

        try
        {
            var after = await Dashboard(Today).LoadAsync(Office, planId);
            after.Tasks.InProgress.Should().Be(before.Tasks.InProgress + 1);
            after.Tasks.NotStarted.Should().Be(before.Tasks.NotStarted - 1);
        }
        finally
        {
            await using var db = await Contexts.CreateDbContextAsync();
            var task = await db.PlanTasks.SingleAsync(t => t.PlanId == planId && t.Number == 6);
            task.Status = PlanTaskStatus.NotStarted;
            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task The_figure_cache_keeps_todays_figures_until_a_save_in_this_instance()
    {
        var (planId, _, _) = await PlanAsync();
        
        var cache = new FigureCache(Portal.Services.GetRequiredService<PlanDataSaved>(), TimeProvider.System, new DashboardOptions { CacheSeconds = 600 });
        var dashboard = new DashboardQueries(Contexts, Clock(Today), Settings, null, cache);
        var before = await dashboard.LoadAsync(Office, planId);

        // A write that bypasses SaveChanges is not seen while the entry lives: the cache is really used.
        await Portal.WithDbAsync(db => db.PlanTasks.Where(t => t.PlanId == planId && t.Number == 3).ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, PlanTaskStatus.Suspended)));
        (await dashboard.LoadAsync(Office, planId)).Should().BeSameAs(before);

        try
        {
            // A save through the portal's contexts empties it.
            await using (var db = await Contexts.CreateDbContextAsync())
            {
                (await db.PlanTasks.SingleAsync(t => t.PlanId == planId && t.Number == 3)).Progress = 10;
                await db.SaveChangesAsync();
            }

            var after = await dashboard.LoadAsync(Office, planId);
            after.Tasks.Suspended.Should().Be(before.Tasks.Suspended + 1);
        }
        finally
        {
            await Portal.WithDbAsync(db => db.PlanTasks.Where(t => t.PlanId == planId && t.Number == 3)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, PlanTaskStatus.NotStarted).SetProperty(t => t.Progress, 0)));
            await using var db = await Contexts.CreateDbContextAsync();
            (await db.PlanTasks.SingleAsync(t => t.PlanId == planId && t.Number == 3)).Progress = 0;
            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task The_prerendered_body_is_rendered_once_per_figures_and_sort_and_follows_the_sort()
    {
        var (planId, _, _) = await PlanAsync();
        var figures = await Dashboard(Today).LoadAsync(Office, planId);
        var html = new DashboardHtml();
        await using var scope = Portal.Services.CreateAsyncScope();

        var kept = await html.GetAsync(scope.ServiceProvider, figures, false, "name", false, false, Today);
        var byName = kept.Before + kept.After;
        var descending = await html.GetAsync(scope.ServiceProvider, figures, false, "name", true, false, Today);
        var byNameDescending = descending.Before + descending.After;

        (await html.GetAsync(scope.ServiceProvider, figures, false, "name", false, false, Today)).Before.Should().BeSameAs(kept.Before, "the same figures and sort reuse the rendered body");
        kept.Before.Should().Contain("data-label=\"逾期未完成节点\"").And.NotContain("unit-table", "the page's uncached section goes between the headline figures and the charts");
        byName.Should().MatchRegex("data-label=\"逾期未完成节点\"[^>]*><a class=\"figure-link\" href=\"tasks\\?ms=overdue\">2</a>");
        static bool AFirst(string page) => page.IndexOf("<tr><td>手工甲单位", StringComparison.Ordinal) < page.IndexOf("<tr><td>手工乙单位", StringComparison.Ordinal);
        AFirst(byNameDescending).Should().Be(!AFirst(byName), "the descending sort is the ascending one reversed");

        // Other figures (after a save, or for another scope) are another object: rendered anew, never reused.
        var other = figures with { Milestones = figures.Milestones with { Overdue = 7 } };
        (await html.GetAsync(scope.ServiceProvider, other, false, "name", false, false, Today)).Before.Should().Contain("href=\"tasks?ms=overdue\">7</a>");
    }

    [Fact]
    public async Task Figures_as_of_an_earlier_date_count_only_what_was_done_by_then()
    {
        var (planId, _, _) = await PlanAsync();

        var f = await Dashboard(Today).LoadAsync(Office, planId, new DateOnly(2022, 5, 15));

        // T5's August milestone was done on 1 June: on 15 May it was still open. Nothing was overdue yet.
        f.Milestones.Should().Be(new MilestoneFigures(DueSoFar: 2, DoneOnTime: 1, DoneLate: 1, Approaching: 0, Urgent: 0, Overdue: 0));
        f.Months.Single(m => m.Month == new DateOnly(2022, 8, 1)).Should().Be(new MonthFigures(new(2022, 8, 1), 1, 0, 0, 0, 1));
    }

    [Fact]
    public async Task A_lead_unit_sees_the_figures_of_its_own_tasks()
    {
        var (planId, unitA, _) = await PlanAsync();

        var f = await Dashboard(Today).LoadAsync(new AccessScope("unitA", false, unitA, false, false), planId);

        f.Tasks.Should().Be(new TaskFigures(3, 0, 2, 1, 0, 1));
        f.Milestones.Should().Be(new MilestoneFigures(DueSoFar: 4, DoneOnTime: 2, DoneLate: 1, Approaching: 0, Urgent: 2, Overdue: 1));
        f.Units.Select(u => u.Name).Should().Contain("手工甲单位");
        f.Domains.Sum(d => d.Tasks.Total).Should().Be(3);
    }

    [Fact]
    public async Task Every_milestone_count_equals_the_total_of_the_list_it_links_to()
    {
        var (planId, _, _) = await PlanAsync();
        var f = await Dashboard(Today).LoadAsync(Office, planId);
        var list = Tasks(Today);
        async Task<int> Count(TaskListQuery q) => (await list.MilestonesAsync(Office, planId, q)).Total;

        (await Count(new() { Milestone = MilestoneState.Due })).Should().Be(f.Milestones.DueSoFar);
        (await Count(new() { Milestone = MilestoneState.OnTime })).Should().Be(f.Milestones.DoneOnTime);
        (await Count(new() { Milestone = MilestoneState.Late })).Should().Be(f.Milestones.DoneLate);
        (await Count(new() { Milestone = MilestoneState.Approaching })).Should().Be(f.Milestones.Approaching);
        (await Count(new() { Milestone = MilestoneState.Urgent })).Should().Be(f.Milestones.Urgent);
        (await Count(new() { Milestone = MilestoneState.Overdue })).Should().Be(f.Milestones.Overdue);
        foreach (var d in f.Domains)
        {
            (await Count(new() { Domain = d.Number, Milestone = MilestoneState.Due })).Should().Be(d.Milestones.DueSoFar);
            (await Count(new() { Domain = d.Number, Milestone = MilestoneState.OnTime })).Should().Be(d.Milestones.DoneOnTime);
            (await Count(new() { Domain = d.Number, Milestone = MilestoneState.Late })).Should().Be(d.Milestones.DoneLate);
            (await Count(new() { Domain = d.Number, Milestone = MilestoneState.Approaching })).Should().Be(d.Milestones.Approaching);
            (await Count(new() { Domain = d.Number, Milestone = MilestoneState.Urgent })).Should().Be(d.Milestones.Urgent);
            (await Count(new() { Domain = d.Number, Milestone = MilestoneState.Overdue })).Should().Be(d.Milestones.Overdue);
        }

        foreach (var u in f.Units)
        {
            (await Count(new() { Unit = u.Name, Milestone = MilestoneState.Due })).Should().Be(u.DueSoFar, u.Name);
            (await Count(new() { Unit = u.Name, Milestone = MilestoneState.OnTime })).Should().Be(u.DoneOnTime, u.Name);
            (await Count(new() { Unit = u.Name, Milestone = MilestoneState.Late })).Should().Be(u.DoneLate, u.Name);
            (await Count(new() { Unit = u.Name, Milestone = MilestoneState.Overdue })).Should().Be(u.Overdue, u.Name);
            (await list.ListAsync(Office, planId, new() { Unit = u.Name })).Total.Should().Be(u.Tasks, u.Name);
        }

        foreach (var m in f.Months)
        {
            (await Count(new() { Month = m.Month })).Should().Be(m.Due);
            (await Count(new() { Month = m.Month, Milestone = MilestoneState.OnTime })).Should().Be(m.DoneOnTime);
            (await Count(new() { Month = m.Month, Milestone = MilestoneState.Late })).Should().Be(m.DoneLate);
            (await Count(new() { Month = m.Month, Milestone = MilestoneState.Overdue })).Should().Be(m.Overdue);
            (await Count(new() { Month = m.Month, Milestone = MilestoneState.Pending })).Should().Be(m.Open);
        }

        var overdue = await list.MilestonesAsync(Office, planId, new() { Milestone = MilestoneState.Overdue });
        overdue.Rows.Select(r => (r.TaskNumber, r.Due)).Should().Equal((2, new DateOnly(2022, 5, 31)), (6, new DateOnly(2022, 6, 10)));
        overdue.Tasks.Should().Be(2);
        overdue.Rows.Should().OnlyContain(r => r.Warning == WarningLevel.Overdue);
    }

    [Fact]
    public async Task The_dispatch_report_lists_overdue_and_next_months_milestones_with_their_units()
    {
        var (planId, _, _) = await PlanAsync();
        var plan = new PlanOverview(planId, "手工计划", "手工〔2021〕1号", 2021, []);
        var queries = new DispatchReportQueries(Contexts, Dashboard(Today), new RoundReportingFigures(Contexts), Settings, Clock(Today));

        var report = await queries.LoadAsync(Office, plan, new DateOnly(2022, 6, 1), Today);

        report.Overdue.Select(m => (m.TaskNumber, m.Units)).Should().Equal((2, "手工甲单位、手工乙单位"), (6, "（未写明牵头单位）"));
        report.NextMonth.Select(m => (m.TaskNumber, m.Due)).Should().Equal((3, new DateOnly(2022, 7, 1)));
        report.Units.Should().BeEquivalentTo(new[] { new UnitOverdue("手工甲单位", 1, [2]), new UnitOverdue("手工乙单位", 1, [2]) });
        report.ThisMonth.Due.Should().Be(3);
        report.Overdue.Single(m => m.TaskNumber == 6).Units.Should().Be("（未写明牵头单位）", "the hand-built task 6 has neither a unit nor a responsibility note");
        report.Summary.Should().Contain("共6项任务").And.Contain("已到期时间节点5个，其中逾期未完成2个；已完成时间节点3个，其中按时完成2个（含提前完成）、逾期完成1个")
            .And.Contain("6月到期节点3个").And.Contain("7月将到期节点1个").And.Contain("有逾期未完成节点的牵头单位2个");
    }
}

public sealed class SqliteDashboardFigureTests(SqlitePortal fixture) : DashboardFigureTests(fixture), IClassFixture<SqlitePortal>;

public sealed class PostgresDashboardFigureTests(PostgresPortal fixture) : DashboardFigureTests(fixture), IClassFixture<PostgresPortal>;
