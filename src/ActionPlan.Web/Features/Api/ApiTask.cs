using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Rules;

namespace ActionPlan.Web.Features.Api;

/// <summary>A task (任务) as the list gives it; <see cref="Warning"/> is the task's worst open milestone (none: null).</summary>
public sealed record ApiTask(
    int Id,
    int PlanId,
    int Number,
    int DomainNumber,
    string DomainName,
    string Title,
    IReadOnlyList<string> LeadUnits,
    string? ResponsibilityNote,
    PlanTaskStatus Status,
    int Progress,
    bool Closed,
    WarningLevel? Warning,
    IReadOnlyList<ApiMilestone> Milestones);
