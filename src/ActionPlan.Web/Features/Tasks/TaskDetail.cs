using ActionPlan.Data.Entities;

namespace ActionPlan.Web.Features.Tasks;

public sealed record TaskDetail(
    int Number,
    int DomainNumber,
    string DomainName,
    string Title,
    string Text,
    string? LeadUnitClause,
    IReadOnlyList<string> LeadUnits,
    string? ResponsibilityNote,
    PlanTaskStatus Status,
    int Progress,
    string? ProgressSummary,
    string? Difficulties,
    int SourceLine,
    IReadOnlyList<MilestoneView> Milestones,
    IReadOnlyList<PolicyDateView> PolicyDates,
    Guid Version,
    string? SuspensionReason);
