using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Dashboard;
using ActionPlan.Web.Features.Dispatch;
using ActionPlan.Web.Features.Shared;
using ActionPlan.Web.Features.Tasks;
using ActionPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ActionPlan.IntegrationTests;

/// <summary>
/// As-of figures from the history, on the seeded plan (165 tasks, all 未启动, no milestone done): tasks change on
/// three days of June 2022, the clock moving between them; each day's figures are checked against counts by hand.
/// </summary>
public abstract class HistoryTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly AccessScope Office = new("office1", true, null, true, false);
    private readonly FakeTimeProvider _time = new(At(2022, 6, 1));
    private PortalFactory _portal = null!;

    /// <summary>Noon in Beijing, whatever the server's zone.</summary>
    private static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 4, 0, 0, TimeSpan.Zero);

    public async Task InitializeAsync()
    {
        _portal = new PortalFactory(await TestDatabase.CreateAsync(provider))
        {
            Settings = { ["DeadlineWatch:Enabled"] = "false", ["Dashboard:Snapshots"] = "false", ["Dashboard:CacheSeconds"] = "0" },
            Services_ = services => services.AddSingleton<TimeProvider>(_time),
        };
        _portal.CreateClient().Dispose();
    }

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        await _portal.Database.DisposeAsync();
    }

    private T Service<T>() where T : notnull => _portal.Services.GetRequiredService<T>();

    private async Task<PlanOverview> PlanAsync() => (await Service<CurrentPlan>().GetAsync())!;

    private async Task<DashboardFigures> FiguresAsync(DateOnly asOf) => await Service<DashboardQueries>().LoadAsync(Office, (await PlanAsync()).Id, asOf);

    /// <summary>Changes tracked entities of one context and saves, as every service does.</summary>
    private async Task ChangeAsync(Func<AppDbContext, Task> change)
    {
        await using var db = await Service<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await change(db);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Each_past_day_shows_the_figures_of_that_day()
    {
        var plan = await PlanAsync();
        // The three tasks changed: the first three with milestones; B's milestones and C's first one are counted below.
        var picked = await _portal.WithDbAsync(db => db.PlanTasks.Where(t => t.PlanId == plan.Id && t.Milestones.Any()).OrderBy(t => t.Number).Take(3)
            .Select(t => new { t.Number, t.Id, t.Version, Milestones = t.Milestones.OrderBy(m => m.Position).Select(m => new { m.Id, m.Position, m.Due }).ToList() }).ToListAsync());
        var (a, b, c) = (picked[0], picked[1], picked[2]);
        var cFirst = c.Milestones[0];
        var moved = cFirst.Due.AddMonths(14);
        var dueInCsMonth = await _portal.WithDbAsync(db => db.Milestones.CountAsync(m => m.PlanTask.PlanId == plan.Id && m.Due.Year == cFirst.Due.Year && m.Due.Month == cFirst.Due.Month));

        // 6月1日: A 推进中 30 % through the task form; B done, every milestone of it on 6月1日.
        var saved = await Service<TaskWorkspace>().SaveAsync(Office, plan.Id,
            new TaskEdit(a.Number, a.Version, 0, PlanTaskStatus.InProgress, 30, "已启动", null, null, a.Milestones.Select(m => new MilestoneEdit(m.Position, false, null)).ToList()));
        saved.Outcome.Should().Be(SaveOutcome.Saved, saved.Message);
        await ChangeAsync(async db =>
        {
            var task = await db.PlanTasks.Include(t => t.Milestones).SingleAsync(t => t.Id == b.Id);
            (task.Status, task.Progress) = (PlanTaskStatus.Completed, 100);
            task.Milestones.ForEach(m => (m.IsDone, m.CompletedOn) = (true, new DateOnly(2022, 6, 1)));
        });

        // 6月5日: A 已完成; C 暂缓, then back to 推进中 the same day; one of B's milestones found not done after all.
        _time.SetUtcNow(At(2022, 6, 5));
        await ChangeAsync(async db => (await db.PlanTasks.SingleAsync(t => t.Id == a.Id)).Status = PlanTaskStatus.Completed);
        await ChangeAsync(async db =>
        {
            var task = await db.PlanTasks.SingleAsync(t => t.Id == c.Id);
            (task.Status, task.SuspensionReason) = (PlanTaskStatus.Suspended, "等待批复");
        });
        await ChangeAsync(async db =>
        {
            var task = await db.PlanTasks.SingleAsync(t => t.Id == c.Id);
            (task.Status, task.SuspensionReason) = (PlanTaskStatus.InProgress, null);
        });
        await ChangeAsync(async db =>
        {
            var milestone = await db.Milestones.SingleAsync(m => m.Id == b.Milestones[0].Id);
            (milestone.IsDone, milestone.CompletedOn) = (false, null);
        });

        // 6月10日: C's first deadline is extended by 14 months.
        _time.SetUtcNow(At(2022, 6, 10));
        await ChangeAsync(async db => (await db.Milestones.SingleAsync(m => m.Id == cFirst.Id)).Due = moved);

        // Two days on, nothing changed since: every earlier day is read from the history.
        _time.SetUtcNow(At(2022, 6, 12));
        var bCount = b.Milestones.Count;
        var expected = new Dictionary<DateOnly, (int NotStarted, int InProgress, int Completed, int Suspended, int Done, int DueInCsMonth)>
        {
            [new(2022, 5, 31)] = (165, 0, 0, 0, 0, dueInCsMonth),
            [new(2022, 6, 1)] = (163, 1, 1, 0, bCount, dueInCsMonth),
            [new(2022, 6, 4)] = (163, 1, 1, 0, bCount, dueInCsMonth),
            [new(2022, 6, 5)] = (162, 1, 2, 0, bCount - 1, dueInCsMonth),
            [new(2022, 6, 9)] = (162, 1, 2, 0, bCount - 1, dueInCsMonth),
            [new(2022, 6, 10)] = (162, 1, 2, 0, bCount - 1, dueInCsMonth - 1),
            [new(2022, 6, 12)] = (162, 1, 2, 0, bCount - 1, dueInCsMonth - 1),
        };
        foreach (var (day, want) in expected)
        {
            var f = await FiguresAsync(day);
            var csMonth = f.Months.SingleOrDefault(m => m.Month == new DateOnly(cFirst.Due.Year, cFirst.Due.Month, 1))?.Due ?? 0;
            (f.Tasks.NotStarted, f.Tasks.InProgress, f.Tasks.Completed, f.Tasks.Suspended, f.Milestones.DoneOnTime + f.Milestones.DoneLate, csMonth)
                .Should().Be(want, $"as of {day:yyyy-MM-dd}");
            f.Tasks.Total.Should().Be(165);
        }

        // The 调度通报 of a past day lists that day's milestones: C's first is in its old month until 6月10日.
        var report = await Service<DispatchReportQueries>().LoadAsync(Office, plan, new DateOnly(2022, 6, 1), new DateOnly(2022, 6, 9));
        report.Figures.Tasks.Completed.Should().Be(2);
        report.Summary.Should().Contain("已完成2项、推进中1项、未启动162项、暂缓0项");
        // The 工作台账 of 6月4日: A 推进中 30 % with its summary, B 已完成 with every milestone done; today's has A 已完成.
        var ledger = Service<ActionPlan.Web.Features.Ledger.LedgerQueries>();
        var june4 = (await ledger.ListAsync(Office, plan.Id, TaskListQuery.All, new DateOnly(2022, 6, 4))).ToDictionary(r => r.Number);
        (june4[a.Number].Status, june4[a.Number].Progress, june4[a.Number].ProgressSummary).Should().Be(("推进中", 30, "已启动"));
        june4[b.Number].Status.Should().Be("已完成");
        june4[b.Number].Milestones.Split('；').Should().HaveCount(bCount).And.OnlyContain(m => m.Contains("已完成 2022-06-01"));
        june4[c.Number].Milestones.Should().StartWith(StatusText.ShortDate(cFirst.Due));
        var doneOn4 = await ledger.ListAsync(Office, plan.Id, TaskListQuery.All with { Status = PlanTaskStatus.Completed }, new DateOnly(2022, 6, 4));
        doneOn4.Select(r => r.Number).Should().Equal(b.Number);
        var now = (await ledger.ListAsync(Office, plan.Id, TaskListQuery.All)).ToDictionary(r => r.Number);
        now[a.Number].Status.Should().Be("已完成");
        now[c.Number].Milestones.Should().StartWith(StatusText.ShortDate(moved));

        // The 总览 of a past day says it is history and links nowhere the list cannot follow.
        await _portal.CreateUserAsync("office1", Roles.Office);
        var client = await _portal.ClientAsync("office1");
        var page = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/dashboard?asof=2022-06-04"));
        page.Should().Contain("截至 2022年6月4日 日终").And.Contain("tasks/ledger.xlsx?asof=2022-06-04").And.NotContain("class=\"figure-link\"");
        System.Text.RegularExpressions.Regex.Match(page, "data-label=\"已完成\"[^>]*>\\s*(\\d+)\\s*<").Groups[1].Value.Should().Be("1");
        var today = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/dashboard"));
        today.Should().Contain("class=\"figure-link\"").And.NotContain("日终");
        var ledgerFile = await client.GetAsync(PortalPaths.Ledger + "?asof=2022-06-04");
        ledgerFile.Content.Headers.ContentDisposition!.FileNameStar.Should().Be("工作台账-截至2022-06-04.xlsx");

        var history = await _portal.WithDbAsync(db => db.TaskHistory.Where(h => h.PlanTaskId == c.Id).OrderBy(h => h.From).Select(h => new { h.From, h.Until, h.Status }).ToListAsync());
        history.Select(h => (h.From, h.Until, h.Status)).Should().Equal(
            (DateOnly.MinValue, new DateOnly(2022, 6, 5), PlanTaskStatus.NotStarted),
            (new DateOnly(2022, 6, 5), DateOnly.MaxValue, PlanTaskStatus.InProgress));
    }

    [Fact]
    public async Task Every_imported_task_and_milestone_has_one_current_history_row_equal_to_it()
    {
        var (tasks, taskRows, milestones, milestoneRows, mismatched) = await _portal.WithDbAsync(async db => (
            await db.PlanTasks.CountAsync(),
            await db.TaskHistory.CountAsync(h => h.From == DateOnly.MinValue && h.Until == DateOnly.MaxValue),
            await db.Milestones.CountAsync(),
            await db.MilestoneHistory.CountAsync(h => h.From == DateOnly.MinValue && h.Until == DateOnly.MaxValue),
            await db.MilestoneHistory.CountAsync(h => h.Due != h.Milestone.Due || h.PlanTaskId != h.Milestone.PlanTaskId)));

        (tasks, milestones).Should().Be((165, milestones));
        taskRows.Should().Be(tasks);
        milestoneRows.Should().Be(milestones);
        mismatched.Should().Be(0);
    }
}

public sealed class SqliteHistoryTests() : HistoryTests(DatabaseProvider.Sqlite);

public sealed class PostgresHistoryTests() : HistoryTests(DatabaseProvider.Postgres);
