using System.Globalization;
using ActionPlan.Data;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Dashboard;
using ActionPlan.Web.Features.Deadlines;
using ActionPlan.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace ActionPlan.Web.Features.Dispatch;

/// <summary>A milestone listed in the report, with its task and lead units.</summary>
public sealed record ReportMilestone(
    int TaskNumber, string Title, IReadOnlyList<string> LeadUnits, string? ResponsibilityNote, DateOnly Due, string Phrase, bool IsDone, DateOnly? CompletedOn)
{
    /// <summary>The lead units, or the task's own responsibility note (as in the 工作台账).</summary>
    public string Units => StatusText.LeadUnits(LeadUnits, ResponsibilityNote);

    /// <summary>完成情况 as the report and its workbook write it.</summary>
    public string DoneText => IsDone ? $"已完成 {StatusText.ShortDate(CompletedOn!.Value)}" : "未完成";

    public int DaysOverdue(DateOnly asOf) => asOf.DayNumber - Due.DayNumber;
}

/// <summary>A lead unit with overdue milestones and the tasks they belong to.</summary>
public sealed record UnitOverdue(string Name, int Overdue, IReadOnlyList<int> TaskNumbers);

/// <summary>Everything the 调度通报 of one month shows, as of one date.</summary>
public sealed record DispatchReport(
    string PlanTitle,
    string DocumentNumber,
    DateOnly Month,
    DateOnly AsOf,
    bool OwnTasksOnly,
    DashboardFigures Figures,
    IReadOnlyList<ReportMilestone> Overdue,
    IReadOnlyList<ReportMilestone> NextMonth,
    IReadOnlyList<UnitOverdue> Units)
{
    public DateOnly NextMonthStart => Month.AddMonths(1);

    /// <summary>The chosen month's milestone figures (zeros when none is due in it).</summary>
    public MonthFigures ThisMonth => MonthOf(Month);

    public MonthFigures NextMonthFigures => MonthOf(NextMonthStart);

    private MonthFigures MonthOf(DateOnly first) => Figures.Months.FirstOrDefault(m => m.Month == first) ?? new MonthFigures(first, 0, 0, 0, 0, 0);

    /// <summary>The summary paragraph; every number in it is one the tables below show.</summary>
    public string Summary
    {
        get
        {
            var t = Figures.Tasks;
            var m = Figures.Milestones;
            var tasks = OwnTasksOnly ? $"{PlanTitle}中本单位牵头的任务共{t.Total}项" : $"{PlanTitle}共{t.Total}项任务";
            var closing = m.Overdue == 0 ? "目前没有逾期未完成节点。"
                : Units.Count > 0 ? $"有逾期未完成节点的牵头单位{Units.Count}个，请抓紧推进。"
                : "逾期未完成节点所在任务未写明牵头单位，请有关部门抓紧推进。";
            return $"截至{StatusText.LongDate(AsOf)}，{tasks}，已完成{t.Completed}项、推进中{t.InProgress}项、未启动{t.NotStarted}项、暂缓{t.Suspended}项，"
                + $"完成率{StatusText.Percent(t.CompletionRate, 1)}。已到期时间节点{m.DueSoFar}个，其中逾期未完成{m.Overdue}个；"
                + $"已完成时间节点{m.DoneOnTime + m.DoneLate}个，其中按时完成{m.DoneOnTime}个（含提前完成）、逾期完成{m.DoneLate}个；"
                + $"另有紧急节点{m.Urgent}个、临期节点{m.Approaching}个。{Month.Month}月到期节点{ThisMonth.Due}个，已按时完成{ThisMonth.DoneOnTime}个、逾期完成{ThisMonth.DoneLate}个；"
                + $"{NextMonthStart.Month}月将到期节点{NextMonthFigures.Due}个。" + closing;
        }
    }
}

/// <summary>
/// The 调度通报: the figures are <see cref="DashboardQueries"/>' (the same queries as 总览) as of the
/// chosen date, plus two milestone lists; five queries whatever the plan's size.
/// </summary>
public sealed class DispatchReportQueries(IDbContextFactory<AppDbContext> contexts, DashboardQueries dashboard, DeadlineSettings settings)
{
    public async Task<DispatchReport> LoadAsync(AccessScope scope, PlanOverview plan, DateOnly month, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var figures = await dashboard.LoadAsync(scope, plan.Id, asOf, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tasks = scope.Apply(db.PlanTasks.AsNoTracking()).Where(t => t.PlanId == plan.Id);
        var scoped = db.Milestones.AsNoTracking().Where(m => tasks.Any(t => t.Id == m.PlanTaskId));

        var overdue = await Rows(scoped.Where(MilestoneStates.Predicate(MilestoneState.Overdue, null, asOf, settings)), asOf, cancellationToken);
        var nextMonth = await Rows(scoped.Where(MilestoneStates.Predicate(null, month.AddMonths(1), asOf, settings)), asOf, cancellationToken);

        // Overdue counts per unit are the dashboard's; the task numbers come from the overdue list.
        var units = figures.Units.Where(u => u.Overdue > 0)
            .Select(u => new UnitOverdue(u.Name, u.Overdue, overdue.Where(m => m.LeadUnits.Contains(u.Name)).Select(m => m.TaskNumber).Distinct().Order().ToList()))
            .OrderByDescending(u => u.Overdue).ThenBy(u => u.Name, StringComparer.Ordinal)
            .ToList();
        return new DispatchReport(plan.Title, plan.DocumentNumber, month, asOf, !scope.SeesAllTasks, figures, overdue, nextMonth, units);
    }

    /// <summary>IsDone means done by <paramref name="asOf"/>.</summary>
    private static Task<List<ReportMilestone>> Rows(IQueryable<Data.Entities.Milestone> milestones, DateOnly asOf, CancellationToken cancellationToken) =>
        milestones.OrderBy(m => m.Due).ThenBy(m => m.PlanTask.Number).ThenBy(m => m.Position)
            .Select(m => new ReportMilestone(
                m.PlanTask.Number,
                m.PlanTask.Title,
                m.PlanTask.LeadUnits.OrderBy(l => l.Position).Select(l => l.LeadUnit.Name).ToList(),
                m.PlanTask.ResponsibilityNote,
                m.Due,
                m.Phrase,
                m.IsDone && m.CompletedOn <= asOf,
                m.IsDone && m.CompletedOn <= asOf ? m.CompletedOn : null))
            .ToListAsync(cancellationToken);
}

/// <summary>The report's month and as-of date from the URL, with a message when a value had to be replaced.</summary>
public sealed record DispatchRequest(DateOnly Month, DateOnly AsOf, string? Problem)
{
    public string Query => $"month={StatusText.MonthKey(Month)}&asof={StatusText.ShortDate(AsOf)}";

    /// <summary>
    /// Month defaults to today's; the as-of date to the month's last day, or today while the month is
    /// running. Figures cannot be taken as of a day that has not come, so a later date becomes today.
    /// </summary>
    public static DispatchRequest Parse(string? month, string? asOf, DateOnly today)
    {
        var problems = new List<string>();
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var first = thisMonth;
        if (!string.IsNullOrWhiteSpace(month))
        {
            if (StatusText.ParseMonth(month) is { } m)
            {
                first = m;
            }
            else
            {
                problems.Add($"月份“{month}”无法识别（应为 2022-06 这样的格式），已改为本月。");
            }
        }

        if (first > thisMonth)
        {
            problems.Add($"{StatusText.Month(first)}尚未到来，已改为本月。");
            first = thisMonth;
        }

        var lastDay = first.AddMonths(1).AddDays(-1);
        var date = lastDay < today ? lastDay : today;
        if (!string.IsNullOrWhiteSpace(asOf))
        {
            if (!DateOnly.TryParseExact(asOf.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                problems.Add($"截至日期“{asOf}”无法识别（应为 2022-06-30 这样的格式），已按{StatusText.LongDate(date)}统计。");
            }
            else if (d > today)
            {
                problems.Add($"截至日期{StatusText.LongDate(d)}晚于今天，已按今天（{StatusText.LongDate(today)}）统计。");
                date = today;
            }
            else if (d < first)
            {
                problems.Add($"截至日期{StatusText.LongDate(d)}早于{StatusText.Month(first)}，已按{StatusText.LongDate(date)}统计。");
            }
            else
            {
                date = d;
            }
        }

        return new DispatchRequest(first, date, problems.Count > 0 ? string.Join(" ", problems) : null);
    }
}
