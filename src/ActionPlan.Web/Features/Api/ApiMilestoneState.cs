namespace ActionPlan.Web.Features.Api;

/// <summary>How a milestone stands today: 正常 / 临期 / 紧急 / 逾期 while open, 按时完成 or 逾期完成 once done.</summary>
public enum ApiMilestoneState
{
    OnTrack,
    Approaching,
    Urgent,
    Overdue,
    Completed,
    CompletedLate,
}
