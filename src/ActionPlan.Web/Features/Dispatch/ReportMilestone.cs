using ActionPlan.Web.Features.Shared;

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
