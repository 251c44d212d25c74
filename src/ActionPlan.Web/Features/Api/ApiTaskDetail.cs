using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Rules;

namespace ActionPlan.Web.Features.Api;

/// <summary>One task with its full text, 进展情况, 存在问题 and 暂缓 reason.</summary>
public sealed record ApiTaskDetail(
    int Id,
    int PlanId,
    int Number,
    int DomainNumber,
    string DomainName,
    string Title,
    string Text,
    IReadOnlyList<string> LeadUnits,
    string? ResponsibilityNote,
    PlanTaskStatus Status,
    int Progress,
    string? ProgressSummary,
    string? Difficulties,
    string? SuspensionReason,
    bool Closed,
    WarningLevel? Warning,
    IReadOnlyList<ApiMilestone> Milestones);
