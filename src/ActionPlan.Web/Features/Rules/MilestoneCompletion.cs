namespace ActionPlan.Web.Features.Rules;

/// <summary>The rules of marking a milestone done, shared by the office's task form and the units' reports.</summary>
public static class MilestoneCompletion
{
    /// <summary>A milestone's completion as the audit trail writes it.</summary>
    public static string Describe(bool done, DateOnly? on) => done ? $"已完成 {on:yyyy-MM-dd}".Trim() : "未完成";

    /// <summary>Why a completion date cannot be taken, or null: not after the portal's today, not before the plan year.</summary>
    public static string? DateProblem(DateOnly on, int planYear, DateOnly today) =>
        on > today ? "完成日期不能晚于今天。"
        : on.Year < planYear ? $"完成日期不能早于计划年度（{planYear} 年）。"
        : null;
}
