using ActionPlan.Data.Entities;
using MudBlazor;

namespace ActionPlan.Web.Features.Tasks;

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

    /// <summary>2022年9月30日, for prose.</summary>
    public static string LongDate(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    /// <summary>2022-09-30, for tables.</summary>
    public static string ShortDate(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
