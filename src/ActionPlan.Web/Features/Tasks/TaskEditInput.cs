using ActionPlan.Data.Entities;

namespace ActionPlan.Web.Features.Tasks;

/// <summary>
/// The task form's fields as typed, kept as 未保存的输入. <see cref="Version"/> and <see cref="LastSeenAuditId"/> are
/// those the form was loaded with, so saving restored input after a colleague's save still shows the conflict.
/// </summary>
public sealed record TaskEditInput(
    Guid Version, long LastSeenAuditId, PlanTaskStatus Status, int Progress, string? Summary, string? Difficulties, string? Reason,
    IReadOnlyList<MilestoneEdit> Milestones);
