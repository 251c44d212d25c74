using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Rules;

namespace ActionPlan.Web.Features.Tasks;

/// <param name="SupportingOnly">The viewer's unit is only a 配合单位 of the task: it reads, the lead units act.</param>
public sealed record TaskRow(
    int Number,
    int DomainNumber,
    string DomainName,
    string Title,
    IReadOnlyList<string> LeadUnits,
    string? ResponsibilityNote,
    DateOnly? NextDue,
    string? NextPhrase,
    PlanTaskStatus Status,
    bool AnyCompletedLate,
    bool Closed = false,
    bool SupportingOnly = false)
{
    /// <summary>The task's warning level, set by the query from the portal's today.</summary>
    public WarningLevel? Warning { get; init; }
}
