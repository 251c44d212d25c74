using ActionPlan.Web.Features.Rounds;
using ActionPlan.Web.Features.Shared;

namespace ActionPlan.Web.Features.Dispatch;

/// <summary>The 调度通报 as .xlsx: one sheet per part of the printed report, with the same numbers.</summary>
public static class DispatchWorkbook
{
    public static readonly string[] DomainHeaders = ["序号", "领域", "任务", "已完成", "推进中", "未启动", "暂缓", "已到期节点", "按时完成", "逾期完成", "逾期未完成", "完成率"];
    public static readonly string[] OverdueHeaders = ["任务序号", "任务", "牵头单位", "时间节点", "节点要求", "逾期天数"];
    public static readonly string[] NextMonthHeaders = ["任务序号", "任务", "牵头单位", "时间节点", "节点要求", "完成情况"];
    public static readonly string[] UnitHeaders = ["牵头单位", "逾期未完成节点", "涉及任务"];
    public static readonly string[] ReportingHeaders = ["牵头单位", "应报送", "按时报送", "逾期报送", "未报送", "已通过", "已退回"];

    /// <summary>A unit's (or the total's) reports in the order of <see cref="ReportingHeaders"/> after the unit.</summary>
    public static int[] ReportingCells(RoundFigures f) => [f.Expected, f.OnTime, f.Late, f.Missing, f.Approved, f.Returned];

    public static string Title(DispatchReport report) => $"{report.PlanTitle}调度通报（{StatusText.Month(report.Month)}）";

    public static byte[] Write(DispatchReport report)
    {
        string[] preamble = [Title(report), $"截至{StatusText.LongDate(report.AsOf)}{(report.OwnTasksOnly ? "（本单位牵头的任务）" : "")}"];
        var f = report.Figures;
        return XlsxWriter.Write(
        [
            new XlsxSheet("概况", ["项目", "数值"], [28, 14],
            [
                ["任务", f.Tasks.Total], ["已完成", f.Tasks.Completed], ["推进中", f.Tasks.InProgress], ["未启动", f.Tasks.NotStarted], ["暂缓", f.Tasks.Suspended],
                ["完成率", f.Tasks.CompletionRate], ["已到期节点", f.Milestones.DueSoFar], ["按时完成", f.Milestones.DoneOnTime], ["逾期完成", f.Milestones.DoneLate],
                ["逾期未完成", f.Milestones.Overdue], ["紧急", f.Milestones.Urgent], ["临期", f.Milestones.Approaching],
                [$"{report.Month.Month}月到期节点", report.ThisMonth.Due], [$"{report.NextMonthStart.Month}月将到期节点", report.NextMonthFigures.Due],
                ["有逾期节点的牵头单位", report.Units.Count], ["通报摘要", report.Summary],
            ]) { Preamble = preamble },
            new XlsxSheet("分领域", DomainHeaders, [6, 24, 7, 7, 7, 7, 7, 10, 9, 9, 10, 8],
                f.Domains.OrderBy(d => d.Number).Select(d => new object?[]
                {
                    d.Number, d.Name, d.Tasks.Total, d.Tasks.Completed, d.Tasks.InProgress, d.Tasks.NotStarted, d.Tasks.Suspended,
                    d.Milestones.DueSoFar, d.Milestones.DoneOnTime, d.Milestones.DoneLate, d.Milestones.Overdue, d.Tasks.CompletionRate,
                })) { Preamble = preamble },
            new XlsxSheet("逾期未完成节点", OverdueHeaders, [9, 40, 30, 12, 14, 9],
                report.Overdue.Select(m => new object?[] { m.TaskNumber, m.Title, m.Units, StatusText.ShortDate(m.Due), m.Phrase, m.DaysOverdue(report.AsOf) }))
                { Preamble = preamble },
            new XlsxSheet($"{report.NextMonthStart.Month}月到期节点", NextMonthHeaders, [9, 40, 30, 12, 14, 16],
                report.NextMonth.Select(m => new object?[] { m.TaskNumber, m.Title, m.Units, StatusText.ShortDate(m.Due), m.Phrase, m.DoneText }))
                { Preamble = preamble },
            new XlsxSheet("逾期单位", UnitHeaders, [30, 14, 40],
                report.Units.Select(u => new object?[] { u.Name, u.Overdue, string.Join("、", u.TaskNumbers) })) { Preamble = preamble },
            new XlsxSheet("报送与督办", ReportingHeaders, [30, 9, 9, 9, 9, 9, 9], ReportingRows(report.Reporting)) { Preamble = preamble },
        ]);
    }

    /// <summary>The round's units and total, then the open 督办单 by level and the extensions granted, as on the page.</summary>
    private static IEnumerable<object?[]> ReportingRows(ReportingFigures r)
    {
        yield return [r.Round is { } round ? $"调度轮次：{round.Name}（{StatusText.ShortDate(round.DueOn)}前报送）" : "本月没有调度轮次"];
        foreach (var u in r.Units)
        {
            yield return [u.Unit, .. ReportingCells(u.Figures).Cast<object?>()];
        }

        if (r.Round is not null)
        {
            yield return ["合计", .. ReportingCells(r.Totals).Cast<object?>()];
        }

        yield return [];
        yield return ["红色督办单", r.Slips.Red];
        yield return ["黄色督办单", r.Slips.Yellow];
        yield return ["蓝色督办单", r.Slips.Blue];
        yield return ["督办单合计", r.Slips.Total];
        yield return ["批准延期节点", r.MilestonesMoved];
        yield return ["已批准延期申请", r.ExtensionsApproved];
    }
}
