namespace ActionPlan.Web.Features.Rules;

/// <summary>正常 / 临期 / 紧急 / 逾期 / 逾期完成. The order is severity for open milestones.</summary>
public enum WarningLevel
{
    OnTrack = 0,
    Approaching = 1,
    Urgent = 2,
    Overdue = 3,
    CompletedLate = 4,
}
