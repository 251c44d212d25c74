using ActionPlan.Data.Entities;

namespace ActionPlan.Web.Features.Tasks;

/// <summary>What the office changes on one task; <see cref="ExpectedVersion"/> is the version the form was loaded with.</summary>
public sealed record TaskEdit(
    int Number,
    Guid ExpectedVersion,
    long LastSeenAuditId,
    PlanTaskStatus Status,
    int Progress,
    string? ProgressSummary,
    string? Difficulties,
    string? Reason,
    IReadOnlyList<MilestoneEdit> Milestones);
