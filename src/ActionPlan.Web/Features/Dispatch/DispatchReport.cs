using ActionPlan.Web.Features.Dashboard;
using ActionPlan.Web.Features.Rounds;
using ActionPlan.Web.Features.Shared;

namespace ActionPlan.Web.Features.Dispatch;

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
    IReadOnlyList<UnitOverdue> Units,
    ReportingFigures Reporting)
{
    public DateOnly NextMonthStart => Month.AddMonths(1);

    /// <summary>The chosen month's milestone figures (zeros when none is due in it).</summary>
    public MonthFigures ThisMonth => MonthOf(Month);

    public MonthFigures NextMonthFigures => MonthOf(NextMonthStart);

    private MonthFigures MonthOf(DateOnly first) => Figures.Months.FirstOrDefault(m => m.Month == first) ?? new MonthFigures(first, 0, 0, 0, 0, 0);

    /// <summary>The summary paragraph, ending with the 报送与督办 sentence; every number in it is one the tables below show.</summary>
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
                + $"{NextMonthStart.Month}月将到期节点{NextMonthFigures.Due}个。" + closing + Reporting.Sentence;
        }
    }
}
