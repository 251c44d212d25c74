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
    string? SuspensionReason,
    int Id = 0,
    DateTimeOffset? ClosedAt = null,
    string? ClosedBy = null,
    int? ClosingReportId = null,
    int? ApprovedFinalReportId = null)
{
    /// <summary>配合单位 named by the plan, in its order.</summary>
    public IReadOnlyList<string> SupportingUnits { get; init; } = [];

    /// <summary>The viewer's unit is only a 配合单位 of the task: the page is read-only for it.</summary>
    public bool ViewerSupportsOnly { get; init; }

    /// <summary>销号: a closed task is read-only until the office re-opens it.</summary>
    public bool IsClosed => ClosedAt is not null;
}
