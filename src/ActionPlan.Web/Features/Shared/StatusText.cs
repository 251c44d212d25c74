using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Audit;
using MudBlazor;

namespace ActionPlan.Web.Features.Shared;

/// <summary>The Chinese words and colours of task status, used the same way on every page.</summary>
public static class StatusText
{
    public static string Label(PlanTaskStatus status) => status switch
    {
        PlanTaskStatus.NotStarted => "未启动",
        PlanTaskStatus.InProgress => "推进中",
        PlanTaskStatus.Completed => "已完成",
        PlanTaskStatus.Suspended => "暂缓",
        _ => status.ToString(),
    };

    public static Color Colour(PlanTaskStatus status) => status switch
    {
        PlanTaskStatus.InProgress => Color.Info,
        PlanTaskStatus.Completed => Color.Success,
        PlanTaskStatus.Suspended => Color.Warning,
        _ => Color.Default,
    };

    /// <summary>The Chinese name of an audited field, from its stored name.</summary>
    public static string FieldLabel(string? field) => !AuditNames.TryParseField(field, out var known, out var position) ? field ?? "" : known switch
    {
        AuditField.Status => "状态",
        AuditField.Progress => "进度",
        AuditField.ProgressSummary => "进展情况",
        AuditField.Difficulties => "存在问题",
        AuditField.SuspensionReason => "暂缓原因",
        AuditField.Milestone => $"时间节点 {position + 1}",
        AuditField.ReportState => "进展报送",
        AuditField.SlipState => "督办单",
        AuditField.Deadline => "完成时限",
        AuditField.Closed => "销号",
        AuditField.Dispatch => "调度通报",
        AuditField.DemoHistory => "演示数据",
        AuditField.ApiToken => "API 令牌",
        AuditField.Channel => "消息通道",
        AuditField.Plan => "行动计划",
        _ => field ?? "",
    };

    /// <summary>An audited value as the office reads it (status names in Chinese, progress with %).</summary>
    public static string ValueLabel(string? field, string? value) =>
        value is null ? "（空）"
        : !AuditNames.TryParseField(field, out var known, out _) ? value
        : known switch
        {
            AuditField.Status when Enum.TryParse<PlanTaskStatus>(value, out var s) => Label(s),
            AuditField.Progress => value + "%",
            _ => value,
        };

    public static string ActionLabel(string action) => !AuditNames.TryParseAction(action, out var known) ? action : known switch
    {
        AuditAction.Edit => "修改",
        AuditAction.BulkStatus => "批量修改状态",
        AuditAction.ApproveReport => "报送审核通过",
        AuditAction.ReturnReport => "报送退回",
        AuditAction.IssueSlip => "下发督办单",
        AuditAction.ReplySlip => "督办反馈",
        AuditAction.EscalateSlip => "升级督办",
        AuditAction.CloseSlip => "督办办结",
        AuditAction.RequestExtension => "延期申请",
        AuditAction.ApproveExtension => "批准延期",
        AuditAction.RefuseExtension => "不予延期",
        AuditAction.CloseTask => "销号",
        AuditAction.ReopenTask => "恢复（撤销销号）",
        AuditAction.IssueDispatch => "签发调度通报",
        AuditAction.PlayDemoHistory => "生成演示数据",
        AuditAction.ImportPlan => "导入计划",
        AuditAction.CreateApiToken => "创建 API 令牌",
        AuditAction.RevokeApiToken => "撤销 API 令牌",
        AuditAction.CreateChannel => "添加消息通道",
        AuditAction.EditChannel => "修改消息通道",
        AuditAction.DeleteChannel => "删除消息通道",
        AuditAction.ArchivePlan => "归档计划",
        AuditAction.ReopenPlan => "重新开放计划",
        _ => action,
    };

    /// <summary>A domain's name without its closing "。" and "领域" ("开办企业领域。" → "开办企业"): one domain across plans.</summary>
    public static string DomainNameWithoutSuffix(string name)
    {
        var trimmed = name.Trim().TrimEnd('。').Trim();
        return trimmed.EndsWith("领域", StringComparison.Ordinal) ? trimmed[..^2] : trimmed;
    }

    /// <summary>A domain's name short enough for a chart's axis: without "领域", at most four characters ("保护中小投资者领域" → "保护中小").</summary>
    public static string ShortDomainName(string name)
    {
        var trimmed = DomainNameWithoutSuffix(name);
        return trimmed.Length <= 4 ? trimmed : trimmed[..4];
    }

    /// <summary>A share as "42%" (Chinese documents write no space before the sign).</summary>
    public static string Percent(double share, int decimals = 0) =>
        (share * 100).ToString(decimals == 0 ? "0" : "0." + new string('0', decimals), System.Globalization.CultureInfo.InvariantCulture) + "%";

    public static string Month(DateOnly month) => $"{month.Year}年{month.Month}月";

    /// <summary>
    /// Who leads a task, for lists: its lead units, or the plan's own words when it names none (e.g.
    /// 省有关部门单位按照职责分工负责), as the 工作台账 prints them.
    /// </summary>
    public static string LeadUnits(IReadOnlyList<string> units, string? responsibilityNote) =>
        units.Count > 0 ? string.Join("、", units) : responsibilityNote ?? "（未写明牵头单位）";

    /// <summary>2022-06, for URLs: the one month format of every page's parameters.</summary>
    public static string MonthKey(DateOnly month) => month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The first day of the month written as <see cref="MonthKey"/>, or null for anything else.</summary>
    public static DateOnly? ParseMonth(string? key) =>
        DateOnly.TryParseExact(key?.Trim(), "yyyy-MM", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var first) ? first : null;

    /// <summary>A month filter's choices: the plan year's months, and the chosen month if it lies outside them.</summary>
    public static IEnumerable<DateOnly> PlanMonths(int year, DateOnly? chosen) => Enumerable.Range(1, 12).Select(m => new DateOnly(year, m, 1))
        .Concat(chosen is { } month && month.Year != year ? [month] : []);

    /// <summary>2022年9月30日, for prose.</summary>

    public static string LongDate(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    /// <summary>2022-09-30, for tables.</summary>
    public static string ShortDate(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
